#include "cli/merge_command.hpp"

#include "storage/merge.hpp"
#include "storage/other_copy.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <ostream>

namespace kartla::cli {

namespace {

namespace fs = std::filesystem;

const char* kMergeUsage = "usage: kartla merge A.kartla B.kartla -o OUT.kartla [--choices FILE.json] [--all mine|theirs]";

struct Request {
    std::string mine, theirs, output, choices_file, all;
};

std::string parse(const std::vector<std::string>& args, Request& r) {
    std::vector<std::string> files;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        bool has_value = i + 1 < args.size();
        if ((a == "-o" || a == "--output") && has_value) r.output = args[++i];
        else if (a == "--choices" && has_value) r.choices_file = args[++i];
        else if (a == "--all" && has_value) r.all = args[++i];
        else if (a.starts_with("-")) return fmt::format("unknown option '{}'; {}", a, kMergeUsage);
        else files.push_back(a);
    }
    if (files.size() != 2 || r.output.empty()) return kMergeUsage;
    if (!r.all.empty() && r.all != "mine" && r.all != "theirs") return "--all takes mine or theirs";
    r.mine = files[0];
    r.theirs = files[1];
    return {};
}

// The choices file is the conflicts JSON this command printed, each conflict given "choice": "mine" or "theirs".
std::string read_choices(const std::string& file, merge::Choices& choices) {
    std::ifstream in(file);
    if (!in) return fmt::format("{}: cannot be read", file);
    auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("conflicts") || !json["conflicts"].is_array())
        return fmt::format("{}: not a list of conflicts as kartla merge prints it", file);
    for (const auto& c : json["conflicts"]) {
        if (!c.is_object() || !c.contains("key") || !c["key"].is_string()) continue;
        auto choice = c.value("choice", std::string());
        if (choice == "mine") choices[c["key"].get<std::string>()] = merge::Choice::Mine;
        else if (choice == "theirs") choices[c["key"].get<std::string>()] = merge::Choice::Theirs;
        else if (!choice.empty()) return fmt::format("{}: a choice is \"mine\" or \"theirs\", not \"{}\"", file, choice);
    }
    return {};
}

nlohmann::json conflicts_json(const merge::Outcome& outcome) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : outcome.conflicts) {
        auto value = [](const std::string& text) {
            auto parsed = nlohmann::json::parse(text, nullptr, false);
            return parsed.is_discarded() ? nlohmann::json(text) : parsed;
        };
        list.push_back({{"key", c.key}, {"kind", merge::kind_name(c.kind)}, {"table", c.table}, {"row", c.row},
                        {"column", c.column}, {"mine", value(c.mine)}, {"theirs", value(c.theirs)}});
    }
    return {{"conflicts", list}, {"other_copy_last_edit", outcome.theirs_last_edit}};
}

// A complete list of choices: the file's, then --all for the rest.
merge::Choices complete(merge::Choices choices, const merge::Outcome& found, const std::string& all) {
    if (all.empty()) return choices;
    for (const auto& c : found.conflicts)
        choices.emplace(c.key, all == "mine" ? merge::Choice::Mine : merge::Choice::Theirs);
    return choices;
}

}  // namespace

int merge_copies(Runtime& runtime, const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    auto fail = [&](const std::string& line, int code = 1) {
        err << "kartla: " << line << '\n';
        return code;
    };
    Request r;
    if (auto problem = parse(args, r); !problem.empty()) return fail(problem, 2);
    merge::Choices choices;
    if (!r.choices_file.empty())
        if (auto problem = read_choices(r.choices_file, choices); !problem.empty()) return fail(problem, 2);
    std::error_code ec;
    if (fs::exists(r.output, ec)) return fail(fmt::format("{}: exists already; give a new file for the merged workshop", r.output));
    auto known = runtime.plugins().known_schema();
    // A is read as any file is, and written to OUT; the merge goes into OUT, so A and B stay as they are.
    auto opened = Workshop::open(r.mine, OpenMode::ReadOnly, false, known);
    if (auto* e = std::get_if<OpenError>(&opened)) return fail(e->message);
    auto part = fs::path(r.output);
    part += ".merging";
    fs::remove(part, ec);
    if (auto saved = std::get<std::unique_ptr<Workshop>>(opened)->save_copy(part); !saved) return fail(saved.message);
    auto written = Workshop::open(part, OpenMode::ReadWrite, false, known);
    if (auto* e = std::get_if<OpenError>(&written)) {
        fs::remove(part, ec);
        return fail(e->message);
    }
    auto& mine = *std::get<std::unique_ptr<Workshop>>(written);
    auto outcome = [&]() -> std::variant<merge::Outcome, std::string> {
        auto theirs = other_copy::open(r.theirs, mine, known);
        if (auto* refused = std::get_if<std::string>(&theirs)) return *refused;
        auto& other = *std::get<std::unique_ptr<Workshop>>(theirs);
        auto links = runtime.offers().link_targets();
        auto found = merge::merge(mine, other, choices, links);
        if (found.merged() || r.all.empty()) return found;
        return merge::merge(mine, other, complete(choices, found, r.all), links);
    }();
    auto drop_part = [&] {
        written = OpenError{};  // closes the connection before the file goes
        fs::remove(part, ec);
    };
    if (auto* refused = std::get_if<std::string>(&outcome)) {
        drop_part();
        return fail(*refused);
    }
    auto& result = std::get<merge::Outcome>(outcome);
    if (!result.refusal.empty()) {
        drop_part();
        return fail(result.refusal);
    }
    if (!result.unchosen.empty()) {
        drop_part();
        out << conflicts_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        err << fmt::format("kartla: {} conflict(s) to choose; nothing was written. Give each a \"choice\" (\"mine\" or "
                           "\"theirs\") in this JSON and pass it with --choices, or use --all mine|theirs.\n",
                           result.unchosen.size());
        return kMergeConflictsExit;
    }
    written = OpenError{};
    fs::rename(part, r.output, ec);
    if (ec) return fail(fmt::format("could not write {}: {}", r.output, ec.message()));
    out << fmt::format("Merged {} change(s) of {} into {} ({} conflict(s) decided by the choices given)\n", result.changes,
                       r.theirs, r.output, result.conflicts.size());
    return 0;
}

}  // namespace kartla::cli
