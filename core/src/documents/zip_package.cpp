#include "zip_package.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace kartla::doc::files {

namespace {

[[noreturn]] void fail(zip_t* archive, const std::string& what) {
    std::string why = archive ? zip_strerror(archive) : "cannot open";
    if (archive) zip_discard(archive);
    throw std::runtime_error("the document could not be written: " + what + ": " + why);
}

}  // namespace

void ZipPackage::add(std::string name, std::string bytes, bool stored) {
    parts_.push_back({std::move(name), std::move(bytes), stored});
}

void ZipPackage::write(const std::filesystem::path& path) const {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_error_t reason;
        zip_error_init_with_code(&reason, error);
        const std::string why = zip_error_strerror(&reason);
        zip_error_fini(&reason);
        throw std::runtime_error("the document could not be written: " + why);
    }
    for (const auto& part : parts_) {
        // The parts outlive zip_close below, so libzip reads them in place.
        zip_source_t* source = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
        if (!source) fail(archive, part.name);
        const zip_int64_t index = zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(source);
            fail(archive, part.name);
        }
        if (zip_set_file_compression(archive, zip_uint64_t(index), part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0)
            fail(archive, part.name);
    }
    if (zip_close(archive) < 0) fail(archive, "closing");
}

}  // namespace kartla::doc::files
