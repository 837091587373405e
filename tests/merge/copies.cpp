#include "copies.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace kartla::test {

std::string content_dump(Database& db) {
    std::vector<std::string> tables;
    {
        auto& s = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "AND name NOT IN ('core_history', 'core_plugin_schema') ORDER BY name")
                      .with();
        while (s.step()) tables.push_back(s.text(0));
    }
    std::string out;
    for (const auto& table : tables) {
        std::string columns;
        auto& info = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid").with(table);
        while (info.step()) columns += (columns.empty() ? "" : " || '|' || ") + ("quote(\"" + info.text(0) + "\")");
        std::vector<std::string> rows;
        Statement select(db.handle(), "SELECT " + columns + " FROM \"" + table + "\"");
        while (select.step()) rows.push_back(select.text(0));
        std::sort(rows.begin(), rows.end());
        out += "## " + table + "\n";
        for (const auto& r : rows) out += r + "\n";
    }
    return out;
}

Copies::Copies(std::string plugin, std::vector<std::string> steps) {
    known_.plugins.emplace_back(plugin, steps);
    base_ = must(Workshop::create(dir_ / "base.kartla"));
    if (auto problem = base_->migrate_plugin(plugin, steps); !problem.empty()) FAIL(problem);
}

std::unique_ptr<Workshop> Copies::copy(const std::string& name) { return copy_of(*base_, name); }

std::unique_ptr<Workshop> Copies::copy_of(Workshop& of, const std::string& name) {
    auto saved = of.save_copy(dir_ / name);
    REQUIRE_MESSAGE(saved.ok, saved.message);
    return reopen(name);
}

std::unique_ptr<Workshop> Copies::reopen(const std::string& name) {
    return must(Workshop::open(dir_ / name, OpenMode::ReadWrite, false, known_));
}

std::unique_ptr<Workshop> Copies::reopen_read_only(const std::string& name) {
    return must(Workshop::open(dir_ / name, OpenMode::ReadOnly, false, known_));
}

}  // namespace kartla::test
