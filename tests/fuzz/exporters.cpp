// Arbitrary bytes as a whole workshop (fuzzed_workshop.cpp), then every export
// any plugin registered, run as `kartla export` runs it: with the plugins' real
// shared libraries, into files, once with ';' and once with ',' as the CSV
// separator and personal data masked the second time. An export must not throw
// on anything a user can type, and its file must keep export_checks.hpp.
//
// Two targets by cost: a text export takes about a millisecond, a rendered one
// (cairo and Pango drawing the actor images or the PDF, and the HTML report that
// embeds the images) a hundred times more. Apart, the fuzzer tries thousands of
// inputs a minute on the text formats, where escaping and structure bugs live.
#include "export_checks.hpp"
#include "fuzz_bodies.hpp"
#include "fuzzed_workshop.hpp"
#include "scratch_dir.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <span>

namespace kartla::fuzz {

namespace {

namespace fs = std::filesystem;

struct Group {
    const char* target;
    bool rendered;
    // Every format of the group that the issue names: a plugin that fails to
    // load must not make the target quietly test less.
    std::span<const char* const> formats;
};
constexpr const char* kTextFormats[] = {"md",         "csv",               "html",          "xlsx",
                                        "ics",        "meeting-md",        "actor-network-svg", "actor-grid-svg"};
constexpr const char* kRenderedFormats[] = {"actor-network-png", "actor-grid-png", "report-html", "report-pdf"};
constexpr Group kText{"exporters", false, kTextFormats};
constexpr Group kRendered{"rendered_exports", true, kRenderedFormats};

bool is_rendered(const ExportSpec& spec) {
    return spec.extension == ".png" || spec.extension == ".pdf" || spec.format.starts_with("report-");
}

bool is_text_format(const ExportSpec& spec) {
    for (const char* binary : {".png", ".pdf", ".xlsx", ".docx", ".odt"})
        if (spec.extension == binary) return false;
    return true;
}

constexpr ExportOptions kOptionSets[] = {{';', false}, {',', true}};

// GLib's fatal warnings stop at a breakpoint (SIGTRAP), which neither libFuzzer nor
// doctest catches: made an abort, the input is saved and the test case named.
extern "C" void abort_on_glib_trap(int) {
    static const char message[] = "fuzz property broken in the exports: a GLib warning (above)\n";
    (void)!::write(STDERR_FILENO, message, sizeof message - 1);
    std::abort();
}

// Loaded once per process: loading five plugins per input would be most of the work.
Runtime& runtime() {
    static Runtime* loaded = [] {
        // Pango refuses text it cannot take (ill-formed UTF-8, NUL) with a GLib warning and
        // draws nothing: make every GLib warning abort. GLib reads this when it is loaded,
        // which is with the first plugin that uses it.
        ::setenv("G_DEBUG", "fatal-warnings", 1);
        std::signal(SIGTRAP, abort_on_glib_trap);
        auto* r = new Runtime;  // lives until exit, as the plugins it loaded do
        r->messages().echo_to_stderr = false;
        r->plugins().load_all({fs::path(KARTLA_FUZZ_PLUGIN_DIR)});
        return r;
    }();
    return *loaded;
}

void require_formats(const Group& group) {
    for (const char* format : group.formats)
        if (!runtime().offers().find_export(format)) fail(group.target, std::string("no plugin offers the export ") + format);
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void export_and_check(const char* target, const ExportSpec& spec, const ExportOptions& options,
                      const BuiltWorkshop& built, const std::vector<std::string>& personal) {
    fs::path out = scratch_dir() / ("export" + spec.extension);
    std::error_code ec;
    fs::remove_all(out, ec);
    try {
        spec.write(*runtime().workshop(), options, out);
    } catch (const std::exception& e) {
        fail(target, spec.format + " threw: " + e.what());
    }
    // A folder export (csv-all) is checked file by file, each as an export of its own.
    std::vector<fs::path> files{out};
    if (fs::is_directory(out, ec)) {
        files.clear();
        for (const auto& entry : fs::directory_iterator(out)) files.push_back(entry.path());
    }
    for (const auto& file : files) {
        std::string content = read_file(file);
        std::string broken = check_export(file.extension().string(), content, options.csv_separator, built.texts_valid_utf8);
        // Text formats only: in PNG, PDF and XLSX the bytes of a text are not searchable.
        if (broken.empty() && options.redact_personal_data && is_text_format(spec))
            broken = check_redacted(content, personal);
        if (!broken.empty())
            fail(target, spec.format + (options.redact_personal_data ? " (redacted, '" : " ('") + options.csv_separator +
                              "'): " + broken);
    }
    fs::remove_all(out, ec);
}

int run_group(const Group& group, const std::uint8_t* data, std::size_t size) {
    Runtime& r = runtime();
    require_formats(group);
    r.set_workshop(Workshop::in_memory());
    ByteSource bytes(data, size);
    BuiltWorkshop built = build_workshop(r, bytes);
    if (r.workshop()->db().in_transaction()) fail(group.target, "building the workshop left a transaction open");
    const std::vector<std::string> personal = personal_data_in(built.texts);
    for (const auto& options : kOptionSets)
        for (const auto& exporter : r.registry().exports())
            if (is_rendered(exporter.spec) == group.rendered)
                export_and_check(group.target, exporter.spec, options, built, personal);
    for (const auto& plugin : r.plugins())
        if (plugin->status != PluginStatus::Loaded)
            fail(group.target, "plugin " + plugin->id + " turned off: " + plugin->message);
    r.session().take_workshop();
    r.messages().entries.clear();  // warnings of this input only; the runtime lives on
    return 0;
}

}  // namespace

int exporters(const std::uint8_t* data, std::size_t size) { return run_group(kText, data, size); }

int rendered_exports(const std::uint8_t* data, std::size_t size) { return run_group(kRendered, data, size); }

}  // namespace kartla::fuzz
