#include "export.hpp"

#include "build.hpp"
#include "redact.hpp"
#include "writers.hpp"

#include <fstream>
#include <random>

namespace report {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs another plugin's PNG export into a private temporary file and returns
// the bytes; empty when that export is missing or fails (the report still gets written).
std::string png_from_export(kartla::Host& host, kartla::Workshop& workshop, std::string_view format) {
    const kartla::ExportSpec* exporter = host.find_export(format);
    if (!exporter || !exporter->write) return {};
    std::random_device random;
    const fs::path dir = fs::temp_directory_path() / ("kartla-report-" + std::to_string(random()));
    std::string bytes;
    try {
        fs::create_directories(dir);
        const fs::path file = dir / "image.png";
        exporter->write(workshop, kartla::ExportOptions{}, file);
        bytes = read_file(file);
    } catch (const std::exception& e) {
        host.log(kartla::LogLevel::Warning, std::string("report: the image export failed: ") + e.what());
        bytes.clear();
    }
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    return bytes.starts_with("\x89PNG") ? bytes : std::string();
}

}  // namespace

void write_report(kartla::Host& host, kartla::Workshop& workshop, ReportFormat format,
                  const kartla::ExportOptions& options, const fs::path& out) {
    Sources sources{[&](std::string_view kind, bool* available) { return host.entities(kind, available); },
                    [&](const char* msgid) { return std::string(host.tr(msgid)); },
                    [&](std::string_view f) { return png_from_export(host, workshop, f); }};
    Document document = build_report(workshop.db(), sources);
    if (options.redact_personal_data) redact(document);
    if (format == ReportFormat::Pdf) {
        write_pdf(document, out);
        return;
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + out.string());
    const bool swedish = std::string(host.tr("Workshop report")) != "Workshop report";
    file << to_html(document, swedish ? "sv" : "en");
    if (!file.flush()) throw std::runtime_error("cannot write " + out.string());
}

}  // namespace report
