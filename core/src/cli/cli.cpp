#include "cli/cli.hpp"

#include "text/i18n.hpp"
#include "cli/info.hpp"
#include "cli/merge_command.hpp"
#include "host/paths.hpp"
#include "host/runtime.hpp"
#include "cli/sample.hpp"
#include "cli/serve.hpp"
#include "cli/summary.hpp"

#include "kartla/export_file.hpp"
#include "kartla/privacy.hpp"
#include "exports/export_run.hpp"

#include <fmt/format.h>

#include <fstream>
#include <ostream>

namespace kartla::cli {

namespace fs = std::filesystem;

namespace {

const char* kUsage = R"(kartla - the mapping meeting of local crime prevention, on one shared screen

Usage:
  kartla [FILE.kartla]              open the workshop in a window (a new file is created)
  kartla info FILE                  print what the workshop holds, as JSON
  kartla sample OUT.kartla          write the sample workshop
  kartla export FILE --format F [-o OUT] [--separator ,] [--redact] [--lang sv|en] [--table T]
                                    export the action plan, the workshop report, ...
                                    (--table measures|problems|causes|actors|log|all: one CSV table, or all into folder OUT)
                                    (formats: see kartla export --help)
  kartla summary A.kartla B.kartla ... [--csv OUT] [--md OUT] [--today YYYY-MM-DD] [--separator ,] [--redact]
                                    an overview across workshops (Markdown on stdout without --csv/--md)
  kartla merge A.kartla B.kartla -o OUT.kartla [--choices FILE.json] [--all mine|theirs]
                                    A with what copy B changed since the two parted, into OUT
                                    (docs/merging.md); conflicts to choose: JSON on stdout, exit code 3
  kartla serve FILE [--bind ADDR] [--port N]
                                    let phones in the room add cards and vote (docs/phones.md);
                                    prints "join: URL"; stops on Ctrl+C or SIGTERM
  kartla audit-layout [FILE ...] [--empty] --out DIR [--plugin-dir DIR] [--languages sv,en]
                    [--percents 100,200,300] [--sizes 1920x1080,1280x720] [--pictures 200,300|none]
                                    draw every view of every plugin and count what is cut, overlaps,
                                    stacks, is untranslated or too small for the room (docs/layout-audit.md)
  kartla --help | --version

Options before or after any of these:
  --safe-mode                       start without any plugin
  --disable-plugin ID               leave one plugin out of this start (repeatable)
  --retry-plugin ID|FILE            try again a plugin that stopped an earlier start (see below),
                                    named by its id or its file name

A plugin that crashed kartla while it was starting is named at the next start and
left out until it is tried again: with --retry-plugin ID, or in the window.
)";

Outcome fail(std::ostream& err, const std::string& line, int code = 1) {
    err << "kartla: " << line << '\n';
    return Outcome{.exit_code = code};
}

// How a command starts its plugins: the options run() took from the arguments,
// and where the start's notes go (run()'s err).
struct Start {
    const PluginStartOptions& plugins;
    std::ostream& notes;
};

Runtime& loaded_runtime(Runtime& runtime, const Start& start) {
    std::ostream* notes = &start.notes;
    runtime.messages().echo_to_stderr = false;  // the CLI reports only its own one-line errors
    runtime.plugins().start(start.plugins, paths::safe_start_dir());
    // What this start leaves out is said, not hidden: a line each on stderr.
    if (runtime.plugins().safe_mode()) *notes << "kartla: safe mode: no plugins were loaded\n";
    for (const auto& problem : runtime.plugins().start_problems()) *notes << "kartla: " << problem << '\n';
    for (auto& plugin : runtime.plugins())
        if (plugin->held_back)
            *notes << fmt::format("kartla: the plugin {} ({}) was left out: {} (kartla --retry-plugin {})\n", plugin->id,
                                  plugin->path.string(), plugin->message, plugin->id);
    return runtime;
}

// Takes --safe-mode, --disable-plugin ID and --retry-plugin ID out of args, wherever they stand.
std::string take_plugin_options(std::vector<std::string>& args, PluginStartOptions& options) {
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a == "--safe-mode") {
            options.safe_mode = true;
        } else if (a == "--disable-plugin" || a == "--retry-plugin") {
            if (i + 1 >= args.size() || args[i + 1].empty() || args[i + 1].starts_with("-"))
                return fmt::format("{} needs a plugin id (as the Plugins menu or kartla info shows it){}", a,
                                   a == "--retry-plugin" ? " or its file name" : "");
            (a == "--disable-plugin" ? options.disabled : options.retry).push_back(args[++i]);
        } else {
            rest.push_back(a);
        }
    }
    args = std::move(rest);
    return {};
}

Outcome info(const std::vector<std::string>& args, const Start& start, std::ostream& out, std::ostream& err) {
    if (args.size() != 2) return fail(err, "usage: kartla info FILE", 2);
    Runtime runtime;
    loaded_runtime(runtime, start);
    auto opened = Workshop::open(args[1], OpenMode::ReadOnly, false, runtime.plugins().known_schema());
    if (auto* e = std::get_if<OpenError>(&opened)) return fail(err, e->message);
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    out << workshop_info(runtime).dump(2) << '\n';
    return {};
}

Outcome sample(const std::vector<std::string>& args, const Start& start, std::ostream& out, std::ostream& err) {
    if (args.size() != 2) return fail(err, "usage: kartla sample OUT.kartla", 2);
    Runtime runtime;
    loaded_runtime(runtime, start);
    if (auto problem = build_sample(runtime, args[1]); !problem.empty()) return fail(err, problem);
    out << "Wrote the sample workshop to " << args[1] << '\n';
    return {};
}

std::string export_formats(Runtime& runtime) {
    std::string list;
    for (auto& entry : runtime.registry().exports()) list += (list.empty() ? "" : ", ") + entry.spec.format;
    return list.empty() ? "none (no plugin offers an export)" : list;
}

// The command line's Frontend: the words of one language, nothing else.
struct Words final : Frontend {
    Translations translations;
    Languages others{paths::asset_dir() / "i18n"};  // `kartla serve`: phones that speak another language
    const char* translate_in(std::string_view component, const char* msgid) override {
        return translations.translate_in(component, msgid);
    }
    const char* translate_for(std::string_view language, std::string_view component, const char* msgid) override {
        return others.translate_in(translations, language, component, msgid);
    }
};

// Documents for people (the report) speak the user's language, like the window does.
void use_language(Runtime& runtime, Words& words, const std::string& language) {
    words.translations.load(paths::asset_dir() / "i18n", language.empty() ? system_language() : language);
    runtime.set_frontend(&words);
}

Outcome export_file(const std::vector<std::string>& args, const Start& start, std::ostream& out, std::ostream& err) {
    Words words;  // outlives the runtime that points at it
    Runtime runtime;
    loaded_runtime(runtime, start);
    std::string file, format, output, language, table;
    ExportOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        bool has_value = i + 1 < args.size();
        if (a == "--help") {
            out << "kartla export FILE --format F [-o OUT] [--separator ,] [--redact] [--lang sv|en] [--table T]\nformats: "
                << export_formats(runtime) << '\n';
            return {};
        }
        if ((a == "--format" || a == "-f") && has_value) format = args[++i];
        else if ((a == "-o" || a == "--output") && has_value) output = args[++i];
        else if (a == "--separator" && has_value && args[i + 1].size() == 1) options.csv_separator = args[++i][0];
        else if (a == "--redact") options.redact_personal_data = true;
        else if (a == "--lang" && has_value) language = args[++i];
        else if (a == "--table" && has_value) table = args[++i];
        else if (file.empty() && !a.starts_with("-")) file = a;
        else return fail(err, fmt::format("export: unexpected argument '{}'", a), 2);
    }
    if (file.empty() || format.empty()) return fail(err, "usage: kartla export FILE --format F [-o OUT]", 2);
    use_language(runtime, words, language);
    // A tabular export offers each table as a format of its own: "--format csv --table log" is "csv-log".
    if (!table.empty() && table != "measures") format += "-" + table;
    const ExportSpec* exporter = runtime.offers().find_export(format);
    if (!exporter) return fail(err, fmt::format("unknown export format '{}' (available: {})", format, export_formats(runtime)), 2);
    auto opened = Workshop::open(file, OpenMode::ReadOnly, false, runtime.plugins().known_schema());
    if (auto* e = std::get_if<OpenError>(&opened)) return fail(err, e->message);
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    if (output.empty()) output = default_export_path(file, *exporter).string();
    const std::size_t messages_before = runtime.messages().entries.size();
    for (const auto& notice : runtime.plugins().missing_notices(*runtime.workshop())) err << "kartla: " << notice << '\n';
    std::string problem;
    for (auto& entry : runtime.registry().exports())
        if (&entry.spec == exporter)
            problem = runtime.attempt(entry.plugin_id, "The export failed",
                                      [&] { exporter->write(*runtime.workshop(), options, output); });
    if (!problem.empty()) return fail(err, fmt::format("export failed: {}", problem));
    // A tabular export may have written a folder of files instead, and says so itself.
    if (fs::is_regular_file(output)) out << "Wrote " << output << '\n';
    // What the export said about itself ("14 tasks, ..."), once the file is written.
    for (std::size_t i = messages_before; i < runtime.messages().entries.size(); ++i)
        if (runtime.messages().entries[i].level == LogLevel::Info) out << runtime.messages().entries[i].text << '\n';
    return {};
}

// Whole or not at all, like every export.
bool write_text(const std::string& path, const std::string& text, std::ostream& err) {
    try {
        write_file_atomically(path, text);
        return true;
    } catch (const std::exception& e) {
        err << "kartla: " << e.what() << '\n';
        return false;
    }
}

Outcome serve_file(const std::vector<std::string>& args, const Start& start, std::ostream& out, std::ostream& err) {
    Words words;  // outlives the runtime that points at it
    Runtime runtime;
    loaded_runtime(runtime, start);
    use_language(runtime, words, "");
    return Outcome{.exit_code = serve(runtime, args, out, err)};
}

Outcome summary_of(const std::vector<std::string>& args, const Start& start, std::ostream& out, std::ostream& err) {
    const char* usage =
        "usage: kartla summary A.kartla B.kartla ... [--csv OUT] [--md OUT] [--today YYYY-MM-DD] [--redact]";
    std::vector<std::string> files;
    std::string csv, markdown, today = summary::today_iso();
    char separator = ';';
    bool redact = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        bool has_value = i + 1 < args.size();
        if (a == "--redact") redact = true;
        else if (a == "--csv" && has_value) csv = args[++i];
        else if (a == "--md" && has_value) markdown = args[++i];
        else if (a == "--today" && has_value && args[i + 1].size() == 10) today = args[++i];
        else if (a == "--separator" && has_value && args[i + 1].size() == 1) separator = args[++i][0];
        else if (!a.starts_with("-")) files.push_back(a);
        else return fail(err, fmt::format("summary: unexpected argument '{}'", a), 2);
    }
    if (files.empty()) return fail(err, usage, 2);
    Runtime runtime;
    loaded_runtime(runtime, start);
    std::vector<summary::WorkshopSummary> workshops;
    for (const auto& file : files) {
        auto opened = Workshop::open(file, OpenMode::ReadOnly, false, runtime.plugins().known_schema());
        if (auto* e = std::get_if<OpenError>(&opened)) return fail(err, fmt::format("{}: {}", file, e->message));
        runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
        RedactedReading redacted(*runtime.workshop(), redact);  // as every export reads: masked when asked
        workshops.push_back(summary::summarize(runtime, today));
        workshops.back().file = redact ? privacy::redact(file) : file;
    }
    runtime.set_workshop(nullptr);
    const std::string md_text = summary::to_markdown(workshops, today);
    if (!csv.empty() && !write_text(csv, summary::to_csv(workshops, separator), err)) return Outcome{.exit_code = 1};
    if (!markdown.empty() && !write_text(markdown, md_text, err)) return Outcome{.exit_code = 1};
    if (csv.empty() && markdown.empty()) out << md_text;
    else out << "Summarised " << workshops.size() << " workshops\n";
    return {};
}

}  // namespace

Outcome run(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    std::vector<std::string> args = given;
    PluginStartOptions plugin_options;
    const Start start{plugin_options, err};
    if (auto problem = take_plugin_options(args, plugin_options); !problem.empty()) return fail(err, problem, 2);
    if (args.empty()) return Outcome{.open_gui = true, .plugins = plugin_options};
    const auto& command = args[0];
    if (command == "--help" || command == "-h" || command == "help") {
        out << kUsage;
        return {};
    }
    if (command == "--version") {
        out << "kartla " << KARTLA_VERSION << '\n';
        return {};
    }
    if (command == "info") return info(args, start, out, err);
    if (command == "sample") return sample(args, start, out, err);
    if (command == "export") return export_file(args, start, out, err);
    if (command == "summary") return summary_of(args, start, out, err);
    if (command == "serve") return serve_file(args, start, out, err);
    if (command == "merge") {
        Runtime runtime;
        loaded_runtime(runtime, start);
        return Outcome{.exit_code = merge_copies(runtime, args, out, err)};
    }
    if (command.starts_with("-")) return fail(err, fmt::format("unknown option '{}'; see kartla --help", command), 2);
    if (args.size() > 1) return fail(err, "give one workshop file; see kartla --help", 2);
    return Outcome{.open_gui = true, .gui_file = command, .plugins = plugin_options};
}

}  // namespace kartla::cli
