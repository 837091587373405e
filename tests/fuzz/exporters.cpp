// Arbitrary bytes as a whole workshop (fuzzed_workshop.cpp), then every export
// any plugin registered, run as `kartla export` runs it: with the plugins' real
// shared libraries, into files, once with ';' and once with ',' as the CSV
// separator and personal data masked the second time. An export must not throw
// on anything a user can type, and its file must keep export_checks.hpp.
#include "export_checks.hpp"
#include "fuzz_bodies.hpp"
#include "fuzzed_workshop.hpp"
#include "scratch_dir.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace kartla::fuzz {

namespace {

namespace fs = std::filesystem;
constexpr const char* kTarget = "exporters";

// Every format the issue names: a plugin that fails to load must not make the
// target quietly test less.
constexpr const char* kFormats[] = {"md",  "csv",        "html",       "xlsx",       "ics",
                                    "report-html",       "report-pdf", "meeting-md", "actor-network-svg",
                                    "actor-network-png", "actor-grid-svg",           "actor-grid-png"};
constexpr ExportOptions kOptionSets[] = {{';', false}, {',', true}};

// GLib's fatal warnings stop at a breakpoint (SIGTRAP), which neither libFuzzer nor
// doctest catches: made an abort, the input is saved and the test case named.
extern "C" void abort_on_glib_trap(int) {
    static const char message[] = "fuzz property broken in exporters: a GLib warning (above)\n";
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
        r->echo_messages_to_stderr = false;
        r->load_plugins({fs::path(KARTLA_FUZZ_PLUGIN_DIR)});
        for (const char* format : kFormats)
            if (!r->find_export(format)) fail(kTarget, std::string("no plugin offers the export ") + format);
        return r;
    }();
    return *loaded;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void export_and_check(const Tagged<ExportSpec>& exporter, const ExportOptions& options, const BuiltWorkshop& built) {
    const ExportSpec& spec = exporter.spec;
    fs::path out = scratch_dir() / ("export" + spec.extension);
    std::error_code ec;
    fs::remove(out, ec);
    try {
        spec.write(*runtime().workshop(), options, out);
    } catch (const std::exception& e) {
        fail(kTarget, spec.format + " threw: " + e.what());
    }
    std::string broken = check_export(spec.extension, read_file(out), options.csv_separator, built.texts_valid_utf8);
    if (!broken.empty())
        fail(kTarget, spec.format + (options.redact_personal_data ? " (redacted, '" : " ('") + options.csv_separator +
                          "'): " + broken);
    fs::remove(out, ec);
}

}  // namespace

int exporters(const std::uint8_t* data, std::size_t size) {
    Runtime& r = runtime();
    r.set_workshop(Workshop::in_memory());
    ByteSource bytes(data, size);
    BuiltWorkshop built = build_workshop(r, bytes);
    if (r.workshop()->db().in_transaction()) fail(kTarget, "building the workshop left a transaction open");
    for (const auto& options : kOptionSets)
        for (const auto& exporter : r.exports()) export_and_check(exporter, options, built);
    for (const auto& plugin : r.plugins())
        if (plugin->status != PluginStatus::Loaded) fail(kTarget, "plugin " + plugin->id + " turned off: " + plugin->message);
    r.take_workshop();
    r.messages().clear();  // warnings of this input only; the runtime lives on
    return 0;
}

}  // namespace kartla::fuzz
