#pragma once
// A DOCX or ODT file is a zip of parts. Parts are kept in memory in the order
// added and written at once with libzip; ODT's "mimetype" must come first and
// uncompressed, so a part can ask to be stored.
#include <filesystem>
#include <string>
#include <vector>

namespace kartla::doc::files {

class ZipPackage {
public:
    void add(std::string name, std::string bytes, bool stored = false);
    // Writes the archive to `path` (the export's temporary file). Throws
    // std::runtime_error with libzip's reason.
    void write(const std::filesystem::path& path) const;

private:
    struct Part {
        std::string name, bytes;
        bool stored;
    };
    std::vector<Part> parts_;
};

}  // namespace kartla::doc::files
