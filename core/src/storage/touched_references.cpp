#include "storage/touched_references.hpp"

#include <sqlite3.h>

#include <map>

namespace kartla {

namespace {

// Past this many probes a whole-file check is cheaper (an import, a big paste).
constexpr std::size_t kMostProbes = 4000;

// Table and column names come from the file's own schema, never from values;
// they are quoted as SQL identifiers.
std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

struct ForeignKey {
    std::string child, parent;
    std::vector<std::string> from, to;  // child columns and the parent columns they name
    bool parent_exists = true;
};

std::vector<std::string> names(Database& db, const char* sql, const std::string& table) {
    std::vector<std::string> out;
    auto& s = db.prepare(sql).with(table);
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::vector<std::string> columns_of(Database& db, const std::string& table) {
    return names(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table);
}

std::vector<ForeignKey> foreign_keys(Database& db) {
    std::vector<ForeignKey> out;
    auto& s = db.prepare("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\" FROM sqlite_schema AS m, "
                         "pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq")
                  .with();
    std::string last_child;
    std::int64_t last_id = -1;
    while (s.step()) {
        if (out.empty() || s.text(0) != last_child || s.int64(1) != last_id) {
            out.push_back({s.text(0), s.text(2), {}, {}});
            last_child = s.text(0);
            last_id = s.int64(1);
        }
        out.back().from.push_back(s.text(3));
        out.back().to.push_back(s.is_null(4) ? std::string() : s.text(4));
    }
    for (auto& key : out) {
        key.parent_exists =
            db.scalar_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE", key.parent) > 0;
        // REFERENCES parent without columns names the parent's primary key.
        if (key.parent_exists && !key.to.empty() && key.to.front().empty())
            key.to = names(db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", key.parent);
    }
    return out;
}

// "no parent row for c's reference", for the child alias c.
std::string missing_parent(const ForeignKey& key) {
    if (!key.parent_exists || key.to.size() != key.from.size()) return "1";
    std::string sql = "NOT EXISTS (SELECT 1 FROM " + quoted(key.parent) + " AS p WHERE ";
    for (std::size_t i = 0; i < key.from.size(); ++i)
        sql += (i ? " AND p." : "p.") + quoted(key.to[i]) + " = c." + quoted(key.from[i]);
    return sql + ")";
}

// Broken references of one child row, found by its primary key.
std::string child_query(const ForeignKey& key, const std::vector<std::string>& primary_key) {
    std::string sql = "SELECT count(*) FROM " + quoted(key.child) + " AS c WHERE ";
    int n = 0;
    for (const auto& column : primary_key) sql += "c." + quoted(column) + " = ?" + std::to_string(++n) + " AND ";
    for (const auto& column : key.from) sql += "c." + quoted(column) + " IS NOT NULL AND ";
    return sql + missing_parent(key);
}

// Child rows that point at one parent key and find no parent.
std::string parent_query(const ForeignKey& key) {
    std::string sql = "SELECT count(*) FROM " + quoted(key.child) + " AS c WHERE ";
    for (std::size_t i = 0; i < key.from.size(); ++i) sql += "c." + quoted(key.from[i]) + " = ?" + std::to_string(i + 1) + " AND ";
    return sql + missing_parent(key);
}

int index_of(const std::vector<std::string>& columns, const std::string& name) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (sqlite3_stricmp(columns[i].c_str(), name.c_str()) == 0) return int(i);
    return -1;
}

class Iterator {
public:
    Iterator(const unsigned char* data, int size) {
        if (int rc = sqlite3changeset_start(&it_, size, const_cast<unsigned char*>(data)); rc != SQLITE_OK)
            throw SqliteError(rc, "could not read the change");
    }
    ~Iterator() { sqlite3changeset_finalize(it_); }
    Iterator(const Iterator&) = delete;
    Iterator& operator=(const Iterator&) = delete;
    sqlite3_changeset_iter* get() const { return it_; }

private:
    sqlite3_changeset_iter* it_ = nullptr;
};

}  // namespace

void TouchedReferences::ValueFree::operator()(sqlite3_value* v) const { sqlite3_value_free(v); }

TouchedReferences::TouchedReferences(Database& db, const unsigned char* changeset, int size) : db_(db) {
    const auto keys = foreign_keys(db);
    if (keys.empty()) return;
    std::map<std::string, std::vector<std::string>> columns;  // per touched table
    Iterator it(changeset, size);
    while (sqlite3changeset_next(it.get()) == SQLITE_ROW) {
        const char* table_name = nullptr;
        int column_count = 0, op = 0, indirect = 0;
        unsigned char* pk = nullptr;
        sqlite3changeset_op(it.get(), &table_name, &column_count, &op, &indirect);
        sqlite3changeset_pk(it.get(), &pk, nullptr);
        const std::string table = table_name;
        auto found = columns.find(table);
        if (found == columns.end()) found = columns.emplace(table, columns_of(db, table)).first;
        const auto& names = found->second;
        if (int(names.size()) != column_count) {  // a schema the change was not recorded against
            whole_file_ = true;
            break;
        }
        // A value of the change: old (before) or new (after); null when an update left the column alone.
        auto value = [&](bool old, int column) -> sqlite3_value* {
            sqlite3_value* v = nullptr;
            if (column >= 0) (old ? sqlite3changeset_old : sqlite3changeset_new)(it.get(), column, &v);
            return v;
        };
        for (const auto& key : keys) {
            if (key.child == table) {  // the row's own references, when it has or gets them
                bool written = op != SQLITE_DELETE;
                if (op == SQLITE_UPDATE) {
                    written = false;
                    for (const auto& column : key.from) written = written || value(false, index_of(names, column));
                }
                if (!written) continue;
                std::vector<std::string> primary_key;
                std::vector<Value> values;
                for (int i = 0; i < column_count; ++i)
                    if (pk[i]) {
                        primary_key.push_back(names[std::size_t(i)]);
                        values.emplace_back(sqlite3_value_dup(value(op != SQLITE_INSERT, i)));
                    }
                add_probe(child_query(key, primary_key), std::move(values));
            }
            if (op != SQLITE_INSERT && key.parent_exists && sqlite3_stricmp(key.parent.c_str(), table.c_str()) == 0) {
                std::vector<Value> values;  // the key this row held, which others may point at
                for (const auto& column : key.to) {
                    sqlite3_value* v = value(true, index_of(names, column));
                    if (!v || sqlite3_value_type(v) == SQLITE_NULL) break;
                    values.emplace_back(sqlite3_value_dup(v));
                }
                if (values.size() == key.to.size()) add_probe(parent_query(key), std::move(values));
            }
        }
        if (whole_file_) break;
    }
    if (whole_file_) probes_.clear();
}

TouchedReferences::~TouchedReferences() = default;

void TouchedReferences::add_probe(const std::string& sql, std::vector<Value> values) {
    if (probes_.size() >= kMostProbes) {
        whole_file_ = true;
        return;
    }
    std::size_t query = 0;
    while (query < queries_.size() && queries_[query] != sql) ++query;
    if (query == queries_.size()) queries_.push_back(sql);
    probes_.push_back({query, std::move(values)});
}

std::int64_t TouchedReferences::broken() {
    if (whole_file_) return db_.scalar_int("SELECT count(*) FROM pragma_foreign_key_check");
    std::vector<sqlite3_stmt*> statements(queries_.size(), nullptr);
    struct Finalize {
        std::vector<sqlite3_stmt*>& list;
        ~Finalize() {
            for (auto* s : list) sqlite3_finalize(s);
        }
    } finalize{statements};
    std::int64_t count = 0;
    for (const auto& probe : probes_) {
        sqlite3_stmt*& s = statements[probe.query];
        if (!s) {
            const auto& sql = queries_[probe.query];
            if (int rc = sqlite3_prepare_v2(db_.handle(), sql.c_str(), int(sql.size()), &s, nullptr); rc != SQLITE_OK)
                throw SqliteError(rc, sqlite3_errmsg(db_.handle()));
        }
        for (std::size_t i = 0; i < probe.values.size(); ++i) sqlite3_bind_value(s, int(i + 1), probe.values[i].get());
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) count += sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw SqliteError(rc, sqlite3_errmsg(db_.handle()));
    }
    return count;
}

}  // namespace kartla
