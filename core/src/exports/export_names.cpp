// The suggested name of an export's file (kartla/export_file.hpp).
#include "kartla/export_file.hpp"
#include "exports/export_run.hpp"

namespace kartla {

namespace fs = std::filesystem;

fs::path default_export_path(const fs::path& workshop, const ExportSpec& spec) {
    std::string tag = spec.file_tag;
    if (tag.empty()) {
        tag = spec.format;
        // "report-html" → "report": the file type is the extension's to say.
        const std::string type = spec.extension.empty() ? std::string() : "-" + spec.extension.substr(1);
        if (!type.empty() && tag.size() > type.size() && tag.ends_with(type)) tag.resize(tag.size() - type.size());
    }
    fs::path out = workshop;
    out.replace_extension();
    out += "." + tag + spec.extension;
    return out;
}

}  // namespace kartla
