#include "text/privacy_scan.hpp"

#include "storage/history.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace kartla::privacy {

namespace {

// Table and column names come from the file's own schema; quoting them keeps
// a hostile name from being read as SQL.
std::string quote_identifier(const std::string& identifier) {
    std::string out = "\"";
    for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

struct TextColumns {
    std::string table;
    std::vector<std::string> columns;
};

std::vector<TextColumns> text_columns(Database& db) {
    std::vector<TextColumns> out;
    auto& tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                              "AND name <> 'core_plugin_schema' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name")
                       .with();
    while (tables.step()) out.push_back({tables.text(0), {}});
    for (auto& t : out) {
        Statement columns(db.handle(), fmt::format("SELECT name, type FROM pragma_table_info({})", quote_identifier(t.table)));
        // A column counts when declared as text or untyped: SQLite lets any column hold text, but ids do not.
        while (columns.step()) {
            std::string type = columns.text(1);
            for (auto& c : type) c = char(std::toupper(static_cast<unsigned char>(c)));
            if (type.empty() || type.find("TEXT") != std::string::npos || type.find("CHAR") != std::string::npos)
                t.columns.push_back(columns.text(0));
        }
    }
    return out;
}

std::string excerpt(const std::string& text, const Hit& hit) {
    std::size_t from = hit.begin > 30 ? hit.begin - 30 : 0;
    std::size_t to = std::min(text.size(), hit.begin + hit.length + 30);
    // Step to character boundaries so the excerpt stays valid UTF-8.
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
    std::string part = text.substr(from, to - from);
    return (from > 0 ? "…" : "") + redact(part) + (to < text.size() ? "…" : "");
}

void mask_in_place(Database& db, const std::string& table, const std::string& column, std::int64_t rowid) {
    std::string select = fmt::format("SELECT {} FROM {} WHERE rowid = ?", quote_identifier(column), quote_identifier(table));
    std::string text = db.scalar_text(select, rowid);
    std::string masked = redact(text);
    if (masked != text)
        db.run(fmt::format("UPDATE {} SET {} = ? WHERE rowid = ?", quote_identifier(table), quote_identifier(column)), masked, rowid);
}

}  // namespace

std::vector<CellHit> scan_workshop(Database& db) {
    std::vector<CellHit> hits;
    for (const auto& t : text_columns(db)) {
        for (const auto& column : t.columns) {
            Statement cells(db.handle(), fmt::format("SELECT rowid, {} FROM {} WHERE typeof({}) = 'text'", quote_identifier(column),
                                                     quote_identifier(t.table), quote_identifier(column)));
            while (cells.step()) {
                std::string text = cells.text(1);
                for (const auto& hit : find_personal_data(text))
                    hits.push_back({t.table, column, cells.int64(0), hit.kind, excerpt(text, hit)});
            }
        }
    }
    return hits;
}

EditResult mask_cell(Workshop& workshop, const CellHit& hit) {
    return workshop.edit("Mask personal data",
                         [&](Database& db) { mask_in_place(db, hit.table, hit.column, hit.rowid); });
}

EditResult mask_all(Workshop& workshop) {
    auto hits = scan_workshop(workshop.db());
    return workshop.edit("Mask all personal data", [&](Database& db) {
        for (const auto& hit : hits) mask_in_place(db, hit.table, hit.column, hit.rowid);
    });
}

EditResult purge_deleted_text(Workshop& workshop) {
    if (workshop.read_only()) return EditResult{false, false, "This workshop is open read-only."};
    try {
        workshop.clear_history();
        auto& db = workshop.db();
        // The file's history holds every old value its edits replaced: its changesets go too.
        history::forget_changesets(db);
        db.clear_statement_cache();  // VACUUM needs no statement in progress
        db.exec("PRAGMA secure_delete = ON");
        db.exec("VACUUM");
        if (workshop.storage() == StorageKind::LocalWal) db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SqliteError& e) {
        return EditResult{false, e.disk_full(), e.what()};
    }
    return {};
}

}  // namespace kartla::privacy
