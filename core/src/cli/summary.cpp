#include "cli/summary.hpp"

#include "kartla/core_data.hpp"
#include "kartla/text_encode.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <set>

namespace kartla::summary {

namespace {

std::string or_none(const std::string& value, const char* none) { return value.empty() ? none : value; }

bool open_measure(const std::string& status) { return status != "done" && status != "cancelled"; }

std::vector<Entity> published(Runtime& runtime, WorkshopSummary& s, const char* kind) {
    bool available = false;
    auto entities = runtime.offers().entities(kind, &available);
    if (!available) s.missing_kinds.push_back(kind);
    return entities;
}

}  // namespace

std::string today_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

WorkshopSummary summarize(Runtime& runtime, const std::string& today) {
    WorkshopSummary s;
    Database& db = runtime.workshop()->db();
    s.title = core_data::meta(db, "title");
    s.organisation = core_data::meta(db, "organisation");
    s.date = core_data::meta(db, "date");

    for (const auto& p : published(runtime, s, "problem")) {
        ++s.problems;
        const std::string category = or_none(p.attribute("category"), "(none)");
        ++s.problems_by_category[category];
        if (p.attribute("prioritised") == "1") {
            ++s.prioritised;
            ++s.prioritised_by_category[category];
        }
    }
    std::map<std::string, std::string> actor_type;  // id → type
    for (const auto& a : published(runtime, s, "actor")) actor_type[std::to_string(a.id)] = a.attribute("type");
    for (const auto& m : published(runtime, s, "measure")) {
        ++s.measures;
        const std::string status = m.attribute("status");
        ++s.measures_by_status[or_none(status, "(none)")];
        ++s.measures_by_light[or_none(m.attribute("light"), "(none)")];
        const std::string owner = m.attribute("owner_actor_id");
        auto type = actor_type.find(owner);
        ++s.measures_by_owner_type[owner.empty() ? "(no owner)"
                                   : type == actor_type.end() ? "(unknown actor)"
                                                              : or_none(type->second, "(no type)")];
        const std::string due = m.attribute("due");
        if (!due.empty() && due < today && open_measure(status)) s.overdue.push_back(m.label);
    }
    return s;
}

namespace {

struct Aspect {
    const char* name;
    Counts WorkshopSummary::*counts;
};
constexpr Aspect kAspects[] = {{"problem_category", &WorkshopSummary::problems_by_category},
                               {"prioritised_category", &WorkshopSummary::prioritised_by_category},
                               {"measure_status", &WorkshopSummary::measures_by_status},
                               {"measure_light", &WorkshopSummary::measures_by_light},
                               {"measure_owner_type", &WorkshopSummary::measures_by_owner_type}};

}  // namespace

// Long format (one count per row): easy to filter and pivot in a spreadsheet.
std::string to_csv(const std::vector<WorkshopSummary>& workshops, char sep) {
    std::string out(text::utf8_bom);
    out += text::csv_row({"file", "title", "aspect", "value", "count"}, sep);
    for (const auto& w : workshops) {
        auto row = [&](const std::string& aspect, const std::string& value, int count) {
            out += text::csv_row({w.file, w.title, aspect, value, std::to_string(count)}, sep);
        };
        row("total", "problems", w.problems);
        row("total", "prioritised", w.prioritised);
        row("total", "measures", w.measures);
        row("total", "overdue", static_cast<int>(w.overdue.size()));
        for (const auto& aspect : kAspects)
            for (const auto& [value, count] : w.*aspect.counts) row(aspect.name, value, count);
        for (const auto& title : w.overdue) row("overdue_measure", title, 1);
    }
    return out;
}

namespace {

// One table: a row per value, a column per workshop, and a total.
void markdown_table(std::string& out, const std::vector<WorkshopSummary>& workshops, const char* heading,
                    Counts WorkshopSummary::*counts) {
    std::set<std::string> values;
    for (const auto& w : workshops)
        for (const auto& [value, count] : w.*counts) values.insert(value);
    out += fmt::format("\n## {}\n\n|  |", heading);
    for (std::size_t i = 0; i < workshops.size(); ++i) out += fmt::format(" {} |", i + 1);
    out += " total |\n|---|";
    for (std::size_t i = 0; i <= workshops.size(); ++i) out += "---:|";
    out += "\n";
    if (values.empty()) out += "| (nothing) |" + std::string(workshops.size() + 1, '|') + "\n";
    for (const auto& value : values) {
        int total = 0;
        out += "| " + text::markdown_inline(value) + " |";
        for (const auto& w : workshops) {
            auto found = (w.*counts).find(value);
            int n = found == (w.*counts).end() ? 0 : found->second;
            total += n;
            out += fmt::format(" {} |", n);
        }
        out += fmt::format(" {} |\n", total);
    }
}

}  // namespace

std::string to_markdown(const std::vector<WorkshopSummary>& workshops, const std::string& today) {
    std::string out = fmt::format("# Summary of {} workshops ({})\n\n", workshops.size(), today);
    out += "| # | workshop | date | problems | prioritised | measures | overdue |\n|---:|---|---|---:|---:|---:|---:|\n";
    for (std::size_t i = 0; i < workshops.size(); ++i) {
        const auto& w = workshops[i];
        out += fmt::format("| {} | {} ({}) | {} | {} | {} | {} | {} |\n", i + 1, text::markdown_inline(w.title),
                           text::markdown_inline(w.file), text::markdown_inline(w.date), w.problems, w.prioritised,
                           w.measures, w.overdue.size());
    }
    markdown_table(out, workshops, "Problems by category", &WorkshopSummary::problems_by_category);
    markdown_table(out, workshops, "Prioritised problems by category", &WorkshopSummary::prioritised_by_category);
    markdown_table(out, workshops, "Measures by status", &WorkshopSummary::measures_by_status);
    markdown_table(out, workshops, "Measures by follow-up light", &WorkshopSummary::measures_by_light);
    markdown_table(out, workshops, "Measures by type of responsible actor", &WorkshopSummary::measures_by_owner_type);
    out += "\n## Overdue measures\n\n";
    bool any = false;
    for (std::size_t i = 0; i < workshops.size(); ++i)
        for (const auto& title : workshops[i].overdue) {
            out += fmt::format("- {}: {}\n", i + 1, text::markdown_inline(title));
            any = true;
        }
    if (!any) out += "None.\n";
    for (std::size_t i = 0; i < workshops.size(); ++i)
        for (const auto& kind : workshops[i].missing_kinds)
            out += fmt::format("\nNote: in workshop {} no loaded plugin publishes \"{}\".\n", i + 1, kind);
    return out;
}

}  // namespace kartla::summary
