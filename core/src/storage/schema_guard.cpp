#include "storage/schema_guard.hpp"

#include "storage/core_schema.hpp"
#include "kartla/text_encode.hpp"
#include "storage/sqlite_settings.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace kartla::schema_guard {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Identifiers from the file go into SQL only quoted.
std::string sql_name(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::vector<Object> schema_of(Database& db) {
    std::vector<Object> out;
    Statement rows(db.handle(), "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
    while (rows.step()) out.push_back({rows.text(0), rows.text(1), rows.text(2), rows.is_null(3) ? "" : rows.text(3)});
    return out;
}

using Key = std::pair<std::string, std::string>;  // type, lower-case name
Key key_of(const Object& o) { return {o.type, lower(o.name)}; }

bool same(const Object& a, const Object& b) {
    return lower(a.table) == lower(b.table) && normalise_sql(a.sql) == normalise_sql(b.sql);
}

// What the migrations create, built by running them in memory up to the file's versions.
struct Expectation {
    std::vector<Object> objects;
    std::set<std::string> verified_ids;    // plugins whose tables are checked
    std::set<std::string> unverified_ids;  // plugins the file records that cannot be
};

std::map<std::string, std::int64_t> plugin_versions(Database& file) {
    std::map<std::string, std::int64_t> out;
    Statement rows(file.handle(), "SELECT plugin_id, version FROM core_plugin_schema");
    while (rows.step()) out[rows.text(0)] = rows.int64(1);
    return out;
}

const Object* find(const std::vector<Object>& objects, const Key& key) {
    for (const auto& o : objects)
        if (key_of(o) == key) return &o;
    return nullptr;
}

Expectation expectation(Database& file, const std::vector<Object>& present, const SchemaCatalog& known) {
    Expectation out;
    Database memory(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite_settings::apply_defensive(memory);
    auto version = file.scalar_int("PRAGMA user_version");
    const auto& core = core_schema::migrations();
    for (std::int64_t v = 0; v < std::min<std::int64_t>(version, std::int64_t(core.size())); ++v)
        memory.exec(core[std::size_t(v)]);
    // The plugins' versions are read only once core_plugin_schema is known to be the core's.
    std::map<std::string, std::int64_t> versions;
    Key registry{"table", "core_plugin_schema"};
    const Object* declared = find(present, registry);
    auto core_objects = schema_of(memory);
    const Object* expected = find(core_objects, registry);
    if (declared && expected && same(*declared, *expected)) versions = plugin_versions(file);
    for (const auto& [id, steps] : known.plugins) {
        out.verified_ids.insert(id);  // its prefix is checked even before its first migration
        auto it = versions.find(id);
        if (it == versions.end()) continue;
        if (it->second < 0 || it->second > std::int64_t(steps.size())) {
            out.verified_ids.erase(id);  // a newer plugin wrote it: this one cannot tell
            continue;
        }
        for (std::int64_t v = 0; v < it->second; ++v) memory.exec(steps[std::size_t(v)]);
    }
    for (const auto& [id, v] : versions)
        if (!out.verified_ids.count(id) && plausible_plugin_id(id)) out.unverified_ids.insert(id);
    out.objects = schema_of(memory);
    return out;
}

// The id whose prefix a name carries, the longest match among all plugins.
std::string owner(const std::string& name, const Expectation& e) {
    std::string best;
    auto consider = [&](const std::set<std::string>& ids) {
        for (const auto& id : ids)
            if (lower(name).starts_with(id + "_") && id.size() > best.size()) best = id;
    };
    consider(e.verified_ids);
    consider(e.unverified_ids);
    return best;
}

bool unverifiable(const Object& o, const Expectation& e) {
    if (o.virtual_table() || (o.type != "table" && o.type != "index")) return false;
    auto in_unverified = [&](const std::string& name) {
        if (lower(name).starts_with("core_") || lower(name).starts_with("sqlite_")) return false;
        return e.unverified_ids.count(owner(name, e)) > 0;
    };
    if (!in_unverified(o.table)) return false;
    return o.type == "table" ? lower(o.name) == lower(o.table) : true;
}

// A generated column is computed when its row is read, and PRAGMA quick_check
// reads it too, so a table kartla cannot verify must have none. Its DEFAULT
// and CHECK expressions may stay: they run only on a write (never allowed to an
// unverified table), and quick_check skips the CHECKs (quick_check below).
bool computes_columns(Database& file, const Object& o) {
    if (o.type != "table") return false;
    return file.scalar_int("SELECT COUNT(*) FROM pragma_table_xinfo(?) WHERE hidden IN (2, 3)", o.name) > 0;
}

int severity(const Foreign& f) {
    const auto& o = f.object;
    if (o.type == "trigger") return 0;
    if (o.type == "view") return 1;
    if (o.virtual_table()) return 2;
    if (f.redeclared) return 3;
    return o.type == "table" ? 4 : 5;
}

// SQLite's own tables, exactly as SQLite declares them: sqlite_sequence
// (AUTOINCREMENT) and the statistics ANALYZE writes. The statistics only steer
// the query planner: no expression of theirs runs, a query gives the same rows
// whatever they say, and this SQLite (built without STAT4) never reads stat2-4.
// They are kept, not dropped, so a read-only open accepts them too and kartla
// never changes a file for them (docs/reliability.md).
bool sqlite_internal(const Object& o) {
    static const std::map<std::string, std::string> declared{
        {"sqlite_sequence", "create table sqlite_sequence(name,seq)"},
        {"sqlite_stat1", "create table sqlite_stat1(tbl,idx,stat)"},
        {"sqlite_stat2", "create table sqlite_stat2(tbl,idx,sampleno,sample)"},
        {"sqlite_stat3", "create table sqlite_stat3(tbl,idx,neq,nlt,ndlt,sample)"},
        {"sqlite_stat4", "create table sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"},
    };
    auto it = declared.find(o.name);
    return o.type == "table" && it != declared.end() && o.table == o.name && normalise_sql(o.sql) == it->second;
}

// "a trigger", "an index", "a virtual table": the object as a message names it.
std::string kind(const Object& o) {
    std::string k = o.virtual_table() ? "virtual table" : o.type;
    return (k == "index" ? "an " : "a ") + k;
}

// Names come from the file: printable, valid UTF-8 and short in a message.
std::string shown(const std::string& name) {
    return text::truncate_utf8(text::without_control_chars(text::valid_utf8(name), false), 80);
}

int authorize(void* data, int action, const char* a, const char* b, const char*, const char*) {
    const auto& tables = *static_cast<const std::set<std::string>*>(data);
    auto guarded = [&](const char* table) { return table && tables.count(lower(table)) > 0; };
    switch (action) {
        case SQLITE_READ: return guarded(a) ? SQLITE_IGNORE : SQLITE_OK;
        case SQLITE_INSERT:
        case SQLITE_UPDATE:
        case SQLITE_DELETE:
        case SQLITE_DROP_TABLE: return guarded(a) ? SQLITE_DENY : SQLITE_OK;
        case SQLITE_ALTER_TABLE:
        case SQLITE_CREATE_INDEX:
        case SQLITE_DROP_INDEX: return guarded(b) ? SQLITE_DENY : SQLITE_OK;
        default: return SQLITE_OK;
    }
}

// --- the cleaned copy

void backup(const fs::path& source, const fs::path& target) {
    Database from(sqlite_settings::read_only_uri(source), SQLITE_OPEN_READONLY);
    sqlite_settings::apply_defensive(from);
    Database to(target.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_backup* copy = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!copy) throw SqliteError(sqlite3_errcode(to.handle()), sqlite3_errmsg(to.handle()));
    int rc = sqlite3_backup_step(copy, -1);
    sqlite3_backup_finish(copy);
    if (rc != SQLITE_DONE) throw SqliteError(rc, sqlite3_errstr(rc));
}

// A virtual table's schema row is removed directly, so its module's code never
// runs on the file's data; its shadow tables are then ordinary foreign tables.
void remove_virtual_tables(const fs::path& target, const Report& report) {
    Database db(target.string(), SQLITE_OPEN_READWRITE);
    sqlite_settings::apply_defensive(db);
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);  // our own copy, for writable_schema
    db.exec("PRAGMA writable_schema = ON");
    for (const auto& f : report.foreign)
        if (f.object.virtual_table()) db.run("DELETE FROM sqlite_schema WHERE type = 'table' AND name = ?", f.object.name);
    db.exec("PRAGMA writable_schema = OFF");
}

std::vector<std::string> ordinary_columns(Database& db, const std::string& table) {
    std::vector<std::string> out;
    Statement columns(db.handle(), fmt::format("SELECT name FROM pragma_table_xinfo({}) WHERE hidden = 0", sql_name(table)));
    while (columns.step()) out.push_back(columns.text(0));
    return out;
}

// The table as kartla declares it, with the values of the ordinary columns both have.
void rebuild(Database& db, const Object& table, const Object& expected) {
    const std::string old = "kartla_cleaning_old";
    db.exec(fmt::format("ALTER TABLE {} RENAME TO {}", sql_name(table.name), sql_name(old)));
    db.exec(expected.sql);
    auto kept = ordinary_columns(db, old);
    auto wanted = ordinary_columns(db, expected.name);
    std::string list;
    for (const auto& c : wanted)
        if (std::find(kept.begin(), kept.end(), c) != kept.end()) list += (list.empty() ? "" : ", ") + sql_name(c);
    try {
        if (!list.empty())
            db.exec(fmt::format("INSERT INTO {0}({1}) SELECT {1} FROM {2}", sql_name(expected.name), list, sql_name(old)));
    } catch (const SqliteError& e) {
        throw std::runtime_error(fmt::format("the table `{}` holds values that kartla's declaration of it does not take: {}",
                                             shown(table.name), e.what()));
    }
    db.exec(fmt::format("DROP TABLE {}", sql_name(old)));
}

void clean(const fs::path& target, const Report& report) {
    remove_virtual_tables(target, report);
    Database db(target.string(), SQLITE_OPEN_READWRITE);
    sqlite_settings::apply_defensive(db);
    db.exec("PRAGMA foreign_keys = OFF");        // a rebuilt table must not cascade into others
    db.exec("PRAGMA legacy_alter_table = ON");   // nor have other tables' references renamed with it
    db.exec("PRAGMA secure_delete = ON");
    Transaction tx(db);
    auto drop = [&](const char* what, const Object& o) {
        db.exec(fmt::format("DROP {} IF EXISTS {}", what, sql_name(o.name)));
    };
    for (const auto& f : report.foreign) {
        const auto& o = f.object;
        if (o.type == "trigger") drop("TRIGGER", o);
        else if (o.type == "view") drop("VIEW", o);
        else if (o.type == "index" && !o.sql.empty()) drop("INDEX", o);
    }
    for (const auto& f : report.foreign) {
        const auto& o = f.object;
        if (o.type != "table" || o.virtual_table()) continue;
        const Object* expected = f.redeclared ? find(report.expected, key_of(o)) : nullptr;
        if (expected) rebuild(db, o, *expected);
        else drop("TABLE", o);
    }
    // What kartla creates and the copy now lacks: rebuilt tables' indexes, missing objects.
    auto present = schema_of(db);
    for (const auto& e : report.expected) {
        if (e.sql.empty()) continue;  // automatic indexes come with their table
        const Object* have = find(present, key_of(e));
        if (have && same(*have, e)) continue;
        if (have) drop(e.type == "index" ? "INDEX" : "TABLE", *have);
        db.exec(e.sql);
    }
    tx.commit();
    db.exec("PRAGMA journal_mode = DELETE");  // one file, like any copy kartla writes
    db.exec("VACUUM");                        // and no page of what was removed left in it
}

}  // namespace

bool plausible_plugin_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || !std::islower(static_cast<unsigned char>(id[0]))) return false;
    if (id == "core" || id == "sqlite") return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
    });
}

bool Object::virtual_table() const {
    return type == "table" && normalise_sql(sql).starts_with("create virtual table");
}

std::string normalise_sql(std::string_view sql) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < sql.size();) {
        char c = sql[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            char close = c == '[' ? ']' : c;
            if (space && !out.empty()) out += ' ';
            space = false;
            std::size_t end = i + 1;
            while (end < sql.size()) {
                if (sql[end] == close) {
                    if (close != ']' && end + 1 < sql.size() && sql[end + 1] == close) {
                        end += 2;  // a doubled quote inside
                        continue;
                    }
                    break;
                }
                ++end;
            }
            end = std::min(end + 1, sql.size());
            out.append(sql.substr(i, end - i));
            i = end;
        } else if (sql.substr(i, 2) == "--") {
            auto end = sql.find('\n', i);
            i = end == std::string_view::npos ? sql.size() : end;
            space = true;
        } else if (sql.substr(i, 2) == "/*") {
            auto end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
            space = true;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            ++i;
        } else {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += char(std::tolower(static_cast<unsigned char>(c)));
            ++i;
        }
    }
    return out;
}

Report inspect(Database& file, const SchemaCatalog& known) {
    Report report;
    auto present = schema_of(file);
    auto expected = expectation(file, present, known);
    for (const auto& o : present) {
        if (sqlite_internal(o)) continue;
        if (const Object* e = find(expected.objects, key_of(o))) {
            if (!same(o, *e)) report.foreign.push_back({o, true});
        } else if (unverifiable(o, expected) && !computes_columns(file, o)) {
            if (o.type == "table") report.unverified_tables.push_back(o.name);
        } else {
            report.foreign.push_back({o, false});
        }
    }
    for (const auto& e : expected.objects)
        if (!find(present, key_of(e))) report.missing.push_back(e.name);
    // The message names the first: what can run code before what only holds data.
    std::stable_sort(report.foreign.begin(), report.foreign.end(),
                     [](const Foreign& a, const Foreign& b) { return severity(a) < severity(b); });
    report.expected = std::move(expected.objects);
    return report;
}

std::string refusal(const Report& report, std::string_view file) {
    if (report.foreign.empty()) return {};
    const auto& first = report.foreign.front();
    std::string what = first.redeclared
                           ? fmt::format("{} `{}` declared differently from kartla's", kind(first.object), shown(first.object.name))
                           : fmt::format("{} `{}` that kartla did not create", kind(first.object), shown(first.object.name));
    std::size_t others = report.foreign.size() - 1;
    if (others == 1) what += ", and one more object kartla did not create";
    else if (others > 1) what += fmt::format(", and {} more objects kartla did not create", others);
    return fmt::format("{}: this file contains {}; it was not opened", file, what);
}

std::shared_ptr<const void> guard_tables(Database& db, const std::vector<std::string>& tables) {
    if (tables.empty()) return nullptr;
    auto guarded = std::make_shared<std::set<std::string>>();
    for (const auto& t : tables) guarded->insert(lower(t));
    sqlite3_set_authorizer(db.handle(), authorize, guarded.get());
    return guarded;
}

std::string quick_check(Database& db, const Report& report) {
    // quick_check evaluates CHECK constraints; those of unverified tables stay unrun.
    bool unverified = !report.unverified_tables.empty();
    if (unverified) db.exec("PRAGMA ignore_check_constraints = ON");
    auto result = db.scalar_text("PRAGMA quick_check");
    if (unverified) db.exec("PRAGMA ignore_check_constraints = OFF");
    return result;
}

fs::path cleaned_copy_name(const fs::path& source) {
    auto stem = source.stem().string();
    std::error_code ec;
    for (int n = 1;; ++n) {
        auto name = n == 1 ? fmt::format("{}-cleaned.kartla", stem) : fmt::format("{}-cleaned-{}.kartla", stem, n);
        auto candidate = source.parent_path() / name;
        if (!fs::exists(candidate, ec)) return candidate;
    }
}

std::string write_cleaned_copy(const fs::path& source, const fs::path& target, const SchemaCatalog& known) {
    std::error_code ec;
    if (fs::exists(target, ec)) return fmt::format("{}: a file with that name exists already", target.filename().string());
    try {
        Report report;
        {
            Database from(sqlite_settings::read_only_uri(source), SQLITE_OPEN_READONLY);
            sqlite_settings::apply_defensive(from);
            // Only a kartla workshop of a version this kartla reads is worth cleaning.
            if (from.scalar_int("PRAGMA application_id") != kApplicationId)
                throw std::runtime_error("not a kartla workshop");
            if (from.scalar_int("PRAGMA user_version") > std::int64_t(core_schema::migrations().size()))
                throw std::runtime_error("written by a newer kartla");
            report = inspect(from, known);
        }
        backup(source, target);
        clean(target, report);
        Database check(sqlite_settings::read_only_uri(target), SQLITE_OPEN_READONLY);
        sqlite_settings::apply_defensive(check);
        auto after = inspect(check, known);
        if (!after.clean()) throw std::runtime_error(refusal(after, target.filename().string()));
        auto guard = guard_tables(check, after.unverified_tables);
        if (auto ok = quick_check(check, after); ok != "ok") throw std::runtime_error(ok);
    } catch (const std::exception& e) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(target.string() + suffix, ec);
        return fmt::format("{}: a cleaned copy could not be written ({})", source.filename().string(), e.what());
    }
    return {};
}

}  // namespace kartla::schema_guard
