#include "long_texts.hpp"

#include <sqlite3.h>

#include <vector>

namespace kartla::audit {

namespace {

constexpr const char* kClause =
    " – särskilt kvällstid och helger kring Östra Höjdens centrum, resecentrums södra entré och gång- och "
    "cykeltunneln under järnvägen";

std::vector<std::string> column_names(sqlite3* db, const std::string& table) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    std::string sql = "SELECT name FROM pragma_table_info(?)";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return out;
    sqlite3_bind_text(s, 1, table.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string lengthen_texts(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "cannot open";
        sqlite3_close(db);
        return message;
    }
    std::vector<std::string> tables;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", -1, &s,
                       nullptr);
    while (sqlite3_step(s) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    std::string error;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (const auto& table : tables)
        for (const auto& column : column_names(db, table)) {
            // A column named msgid holds a UI string's key (a built-in category), shown translated:
            // lengthened, it would show as an untranslated key, a defect of the copy, not of the view.
            if (column == "msgid") continue;
            std::string c = quoted(column);
            std::string sql = "UPDATE " + quoted(table) + " SET " + c + " = " + c + " || ?1 WHERE typeof(" + c +
                              ") = 'text' AND (" + c + " LIKE '% %' OR " + c + " GLOB '*[åäöÅÄÖ]*') AND " + c +
                              " NOT GLOB '*[{[]*' AND length(" + c + ") < 300";
            sqlite3_stmt* update = nullptr;
            if (sqlite3_prepare_v2(db, sql.c_str(), -1, &update, nullptr) != SQLITE_OK) continue;
            sqlite3_bind_text(update, 1, kClause, -1, SQLITE_STATIC);
            if (sqlite3_step(update) != SQLITE_DONE && error.empty()) error = sqlite3_errmsg(db);
            sqlite3_finalize(update);
        }
    sqlite3_exec(db, error.empty() ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return error;
}

}  // namespace kartla::audit
