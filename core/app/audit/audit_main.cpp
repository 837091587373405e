#include "audit_main.hpp"

#include "audit_session.hpp"
#include "long_texts.hpp"

#include "kartla/database.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <fstream>
#include <regex>
#include <map>
#include <sstream>

namespace kartla::audit {

namespace fs = std::filesystem;

namespace {

// The workshop as it stands, through SQLite: a file open in the window keeps its latest
// edits in the "-wal" beside it, which a copy of the file alone would leave out.
std::string copy_workshop(const fs::path& file, const fs::path& copy) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return "no such file";
    fs::remove(copy, ec);
    try {
        Database db(file.string(), SQLITE_OPEN_READONLY);
        db.run("VACUUM INTO ?", copy.string());
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

constexpr const char* kUsage =
    "usage: kartla audit-layout [FILE.kartla ...] [--empty] --out DIR [--plugin-dir DIR ...]\n"
    "         [--languages sv,en] [--percents 100,200,300] [--sizes 1920x1080,1280x720]\n"
    "         [--pictures 100,200,300|none] [--no-long-texts] [--views REGEX]\n";

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

struct Request {
    std::vector<fs::path> files;
    bool empty = false;
    bool long_texts = true;
    AuditOptions options;
};

std::string parse(const std::vector<std::string>& args, Request& r) {
    std::vector<std::string> languages{"sv", "en"}, percents{"100", "200", "300"}, sizes{"1920x1080", "1280x720"};
    std::vector<std::string> pictures = percents;
    bool pictures_given = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string { return i + 1 < args.size() ? args[++i] : std::string(); };
        if (a == "--out") r.options.out = value();
        else if (a == "--plugin-dir") r.options.plugin_dirs.push_back(fs::absolute(value()));
        else if (a == "--languages") languages = split(value());
        else if (a == "--percents") percents = split(value());
        else if (a == "--sizes") sizes = split(value());
        else if (a == "--pictures") pictures = split(value()), pictures_given = true;
        else if (a == "--views") r.options.views = value();
        else if (a == "--empty") r.empty = true;
        else if (a == "--no-long-texts") r.long_texts = false;
        else if (a.starts_with("-")) return "unknown option " + a;
        else r.files.push_back(a);
    }
    if (!pictures_given) pictures = percents;
    if (r.options.out.empty()) return "--out DIR is needed";
    if (r.files.empty() && !r.empty) return "give a workshop file or --empty";
    try {
        std::regex check(r.options.views);
    } catch (const std::regex_error&) {
        return "--views needs a regular expression";
    }
    try {
        for (const auto& p : pictures)
            if (p != "none") r.options.picture_percents.insert(std::stoi(p));
        for (const auto& size : sizes)
            for (const auto& language : languages)
                for (const auto& percent : percents) {
                    Configuration c;
                    c.language = language;
                    c.percent = std::stoi(percent);
                    auto x = size.find('x');
                    if (x == std::string::npos) return "a size is WIDTHxHEIGHT: " + size;
                    c.width = std::stoi(size.substr(0, x));
                    c.height = std::stoi(size.substr(x + 1));
                    r.options.configurations.push_back(c);
                }
    } catch (const std::exception&) {
        return "numbers expected in --percents, --sizes and --pictures";
    }
    return {};
}

using Tally = std::array<int, kDefectKinds>;

void write_summary(const std::vector<Shot>& shots, std::ostream& out, std::ostream* details) {
    std::map<std::string, Tally> by_view, by_configuration;
    std::map<std::string, int> shots_per_view;
    int total = 0;
    for (const Shot& s : shots) {
        Tally& v = by_view[s.view];
        Tally& c = by_configuration[s.workshop + " " + s.configuration.name()];
        ++shots_per_view[s.view];
        for (const Defect& d : s.defects) {
            ++v[int(d.kind)];
            ++c[int(d.kind)];
            ++total;
        }
    }
    auto header = [&](const char* first) {
        out << fmt::format("{:<52} {:>5} {:>7} {:>6} {:>12} {:>5}\n", first, "cut", "overlap", "narrow", "untranslated",
                           "small");
    };
    auto row = [&](const std::string& name, const Tally& t, const std::string& tail) {
        out << fmt::format("{:<52} {:>5} {:>7} {:>6} {:>12} {:>5}{}\n", name, t[0], t[1], t[2], t[3], t[4], tail);
    };
    header("view (shots)");
    for (const auto& [view, t] : by_view) row(view + " (" + std::to_string(shots_per_view[view]) + ")", t, "");
    out << '\n';
    header("workshop and configuration");
    for (const auto& [name, t] : by_configuration) row(name, t, "");
    if (details) {
        for (const Shot& s : shots)
            for (const Defect& d : s.defects)
                *details << fmt::format("{:<12} {} | {} {} | {}\n", defect_name(d.kind), s.view, s.workshop,
                                        s.configuration.name(), d.text);
    }
    out << fmt::format("{{\"views\": {}, \"shots\": {}, \"defects\": {}}}\n", by_view.size(), shots.size(), total);
}

}  // namespace

int audit_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Request request;
    if (auto problem = parse(args, request); !problem.empty()) {
        err << "kartla: " << problem << '\n' << kUsage;
        return 2;
    }
    const fs::path scratch = request.options.out / "workshops";
    std::error_code ec;
    fs::remove_all(scratch, ec);
    fs::create_directories(scratch);
    // Each workshop is audited in a copy: drawing must not change the user's file.
    std::vector<std::pair<std::string, fs::path>> workshops;
    for (const auto& file : request.files) {
        std::string stem = file.stem().string();
        fs::path copy = scratch / (stem + ".kartla");
        if (auto problem = copy_workshop(file, copy); !problem.empty()) {
            err << "kartla: cannot read " << file.string() << ": " << problem << '\n';
            return 2;
        }
        workshops.emplace_back(stem, copy);
        if (!request.long_texts) continue;
        fs::path longer = scratch / (stem + "-long.kartla");
        fs::copy_file(copy, longer, fs::copy_options::overwrite_existing, ec);
        if (auto problem = lengthen_texts(longer); !problem.empty()) {
            err << "kartla: cannot lengthen the texts of a copy of " << file.string() << ": " << problem << '\n';
            return 2;
        }
        workshops.emplace_back(stem + " (long texts)", longer);
    }
    if (request.empty) workshops.emplace_back("empty", fs::path());
    auto started = std::chrono::steady_clock::now();
    std::vector<Shot> shots;
    for (const auto& [label, path] : workshops)
        if (auto problem = audit_workshop(request.options, label, path, scratch, shots, err); !problem.empty()) {
            err << "kartla: " << problem << '\n';
            return 2;
        }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::ofstream summary(request.options.out / "summary.txt");
    std::ostringstream table;
    write_summary(shots, table, &summary);
    summary << '\n' << table.str();
    out << fmt::format("layout audit: {} workshops, {} configurations, {:.1f} s; defects listed in {}\n",
                       workshops.size(), request.options.configurations.size(), seconds,
                       (request.options.out / "summary.txt").string());
    out << table.str();
    return table.str().find("\"defects\": 0}") != std::string::npos ? 0 : 1;
}

}  // namespace kartla::audit
