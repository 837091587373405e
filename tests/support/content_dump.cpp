#include "content_dump.hpp"

#include <algorithm>
#include <vector>

namespace kartla::test {

std::string content_dump(Database& db) {
    std::vector<std::string> tables;
    auto& names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "AND name <> 'core_history' ORDER BY name")
                      .with();
    while (names.step()) tables.push_back(names.text(0));
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
        for (const auto& row : rows) out += row + "\n";
    }
    return out;
}

}  // namespace kartla::test
