#include "storage/changeset_check.hpp"
#include "storage/merge.hpp"

#include "storage/history.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace kartla::merge {

namespace {

constexpr const char* kDamaged = "Nothing was merged: the other copy's history is damaged.";

struct ValueFree {
    void operator()(sqlite3_value* v) const { sqlite3_value_free(v); }
};
using Value = std::unique_ptr<sqlite3_value, ValueFree>;
using Row = std::vector<Value>;  // one per column; null where a changeset leaves a value undefined

Value dup(sqlite3_value* v) { return Value(v ? sqlite3_value_dup(v) : nullptr); }

// Names come from the file's own schema; quoted, a hostile name is never read as SQL.
std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool same(sqlite3_value* a, sqlite3_value* b) {
    if (!a || !b) return a == b;
    int type = sqlite3_value_type(a);
    if (type != sqlite3_value_type(b)) return false;
    switch (type) {
        case SQLITE_NULL: return true;
        case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
        case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
        default: {
            int size = sqlite3_value_bytes(a);
            if (size != sqlite3_value_bytes(b)) return false;
            const void* da = type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(a)) : sqlite3_value_blob(a);
            const void* db = type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(b)) : sqlite3_value_blob(b);
            return size == 0 || std::memcmp(da, db, std::size_t(size)) == 0;
        }
    }
}

nlohmann::json to_json(sqlite3_value* v) {
    if (!v) return nullptr;
    switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER: return sqlite3_value_int64(v);
        case SQLITE_FLOAT: return sqlite3_value_double(v);
        case SQLITE_TEXT:
            return std::string(reinterpret_cast<const char*>(sqlite3_value_text(v)), std::size_t(sqlite3_value_bytes(v)));
        case SQLITE_BLOB: {
            std::string hex = "x'";
            auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(v));
            for (int i = 0; i < sqlite3_value_bytes(v); ++i) hex += fmt::format("{:02x}", bytes[i]);
            return hex + "'";
        }
        default: return nullptr;
    }
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// A prepared statement whose parameters are SQLite values (Statement binds C++ ones).
class Raw {
public:
    Raw(sqlite3* db, const std::string& sql) {
        if (int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr); rc != SQLITE_OK)
            throw SqliteError(rc, sqlite3_errmsg(db));
    }
    ~Raw() { sqlite3_finalize(stmt_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    void bind(int index, sqlite3_value* v) {
        if (int rc = v ? sqlite3_bind_value(stmt_, index, v) : sqlite3_bind_null(stmt_, index); rc != SQLITE_OK)
            throw SqliteError(rc, "binding a value");
    }
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) throw SqliteError(rc, sqlite3_errmsg(sqlite3_db_handle(stmt_)));
        return false;
    }
    Row row() const {
        Row out;
        for (int i = 0; i < sqlite3_column_count(stmt_); ++i) out.push_back(dup(sqlite3_column_value(stmt_, i)));
        return out;
    }

private:
    sqlite3_stmt* stmt_ = nullptr;
};

struct Shape {
    std::vector<std::string> columns;
    std::vector<bool> key;  // part of the primary key
};

struct ForeignKey {
    std::string child, parent;
    std::vector<std::string> from, to;
    std::string on_delete;
    std::string only;  // a link's reference: the referring rows it holds for (SQL on alias c); empty: all
};

// The entity kinds of the core's own tables that plugins link to (core_data::remove_links_of).
LinkTargets core_link_targets() { return {{"participant", "core_participant"}, {"meeting", "core_meeting"}}; }

std::string sql_text(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// Bookkeeping a file has besides its content: never in a changeset from elsewhere.
bool bookkeeping(const std::string& table) {
    return table.rfind("sqlite_", 0) == 0 || table.rfind("local_", 0) == 0 || table == "core_history" ||
           table == "core_plugin_schema";
}

class Schema {
public:
    Schema(Database& db, const LinkTargets& links) : db_(db), links_(links) {}

    const Shape* shape(const std::string& table) {
        if (auto found = shapes_.find(table); found != shapes_.end()) return found->second ? &*found->second : nullptr;
        std::optional<Shape> shape;
        if (!bookkeeping(table) &&
            db_.scalar_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table) == 1) {
            shape.emplace();
            auto& info = db_.prepare("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid").with(table);
            while (info.step()) {
                shape->columns.push_back(info.text(0));
                shape->key.push_back(info.int64(1) > 0);
            }
        }
        return (shapes_[table] = std::move(shape)) ? &*shapes_[table] : nullptr;
    }

    const std::vector<ForeignKey>& foreign_keys() {
        if (keys_) return *keys_;
        keys_.emplace();
        auto& rows = db_.prepare("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_delete FROM sqlite_schema AS m, "
                                 "pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq")
                         .with();
        std::string last;
        while (rows.step()) {
            std::string id = rows.text(0) + "/" + rows.text(1);
            if (id != last) keys_->push_back({rows.text(0), rows.text(2), {}, {}, rows.text(5)});
            last = id;
            keys_->back().from.push_back(rows.text(3));
            keys_->back().to.push_back(rows.text(4));
        }
        for (auto& key : *keys_)  // "to" is empty where the reference names the parent's primary key
            if (const Shape* parent = shape(key.parent))
                for (std::size_t i = 0, k = 0; i < key.to.size(); ++i)
                    if (key.to[i].empty()) {
                        while (k < parent->columns.size() && !parent->key[k]) ++k;
                        if (k < parent->columns.size()) key.to[i] = parent->columns[k++];
                    }
        add_link_references(core_link_targets());
        add_link_references(links_);
        return *keys_;
    }

private:
    // A link (core_link) names its ends by entity kind and id, so SQLite knows no
    // reference there; each end of a kind whose table is known is one, checked as a
    // foreign key is. A link goes when either end is deleted (remove_links_of): CASCADE.
    void add_link_references(const LinkTargets& targets) {
        const Shape* link = shape("core_link");
        if (!link) return;
        for (const auto& [kind, table] : targets) {
            const Shape* parent = shape(table);
            if (!parent || std::count(parent->key.begin(), parent->key.end(), true) != 1) continue;
            std::string id = parent->columns[std::size_t(std::find(parent->key.begin(), parent->key.end(), true) -
                                                         parent->key.begin())];
            for (const char* end : {"from", "to"})
                keys_->push_back({"core_link", table, {std::string(end) + "_id"}, {id}, "CASCADE",
                                  fmt::format("c.{}_kind = {}", end, sql_text(kind))});
        }
    }

    Database& db_;
    const LinkTargets& links_;
    std::map<std::string, std::optional<Shape>> shapes_;
    std::optional<std::vector<ForeignKey>> keys_;
};

std::string where_key(const Shape& shape) {
    std::string where;
    for (std::size_t i = 0; i < shape.columns.size(); ++i)
        if (shape.key[i]) where += (where.empty() ? "" : " AND ") + quoted(shape.columns[i]) + " IS ?";
    return where;
}

std::string row_key(const Shape& shape, const Row& row) {
    std::string key;
    for (std::size_t i = 0; i < shape.columns.size(); ++i)
        if (shape.key[i]) key += (key.empty() ? "" : ",") + dump(to_json(row[i].get()));
    return key;
}

nlohmann::json row_json(const Shape& shape, const Row& row) {
    if (row.empty()) return nullptr;
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t i = 0; i < shape.columns.size() && i < row.size(); ++i) out[shape.columns[i]] = to_json(row[i].get());
    return out;
}

// The row of `table` with the key values of `key_of` (a full-width row), or an empty row.
Row read_row(Database& db, const std::string& table, const Shape& shape, const Row& key_of) {
    Raw select(db.handle(), fmt::format("SELECT * FROM {} WHERE {}", quoted(table), where_key(shape)));
    int index = 0;
    for (std::size_t i = 0; i < shape.columns.size(); ++i)
        if (shape.key[i]) select.bind(++index, key_of[i].get());
    return select.step() ? select.row() : Row{};
}

void write_row(Database& db, const std::string& table, const Shape& shape, const Row& row) {
    std::string marks;
    for (std::size_t i = 0; i < shape.columns.size(); ++i) marks += i ? ", ?" : "?";
    Raw insert(db.handle(), fmt::format("INSERT OR REPLACE INTO {} VALUES ({})", quoted(table), marks));
    for (std::size_t i = 0; i < shape.columns.size(); ++i) insert.bind(int(i) + 1, row[i].get());
    insert.step();
}

void delete_row(Database& db, const std::string& table, const Shape& shape, const Row& key_of) {
    Raw remove(db.handle(), fmt::format("DELETE FROM {} WHERE {}", quoted(table), where_key(shape)));
    int index = 0;
    for (std::size_t i = 0; i < shape.columns.size(); ++i)
        if (shape.key[i]) remove.bind(++index, key_of[i].get());
    remove.step();
}

// Sets the defined values of `values` (the key columns excepted) in the row with the key of `values`.
void update_row(Database& db, const std::string& table, const Shape& shape, const Row& values) {
    std::string set;
    for (std::size_t i = 0; i < shape.columns.size(); ++i)
        if (!shape.key[i] && values[i]) set += (set.empty() ? "" : ", ") + quoted(shape.columns[i]) + " = ?";
    if (set.empty()) return;
    Raw update(db.handle(), fmt::format("UPDATE {} SET {} WHERE {}", quoted(table), set, where_key(shape)));
    int index = 0;
    for (std::size_t i = 0; i < shape.columns.size(); ++i)
        if (!shape.key[i] && values[i]) update.bind(++index, values[i].get());
    for (std::size_t i = 0; i < shape.columns.size(); ++i)
        if (shape.key[i]) update.bind(++index, values[i].get());
    update.step();
}

struct Changeset {
    std::vector<unsigned char> bytes;
    std::size_t changes = 0;
};

Changeset combine(const std::vector<const history::Entry*>& entries) {
    sqlite3_changegroup* group = nullptr;
    if (int rc = sqlite3changegroup_new(&group); rc != SQLITE_OK) throw SqliteError(rc, "changegroup");
    std::unique_ptr<sqlite3_changegroup, void (*)(sqlite3_changegroup*)> owner(group, sqlite3changegroup_delete);
    for (const auto* e : entries)
        if (!storage::changeset_well_formed(e->changeset)) throw std::runtime_error(kDamaged);  // before SQLite reads it
    for (const auto* e : entries)
        if (int rc = sqlite3changegroup_add(group, int(e->changeset.size()), const_cast<unsigned char*>(e->changeset.data()));
            rc != SQLITE_OK)
            throw std::runtime_error(kDamaged);
    int size = 0;
    void* data = nullptr;
    if (int rc = sqlite3changegroup_output(group, &size, &data); rc != SQLITE_OK) throw SqliteError(rc, "combining");
    Changeset out;
    out.bytes.assign(static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
    sqlite3_free(data);
    return out;
}

// Every change names a table this file has, with its columns and key: SQLite
// would skip a table that does not fit, and a change skipped is a change lost.
std::string check_fits(Schema& schema, Changeset& changeset) {
    sqlite3_changeset_iter* it = nullptr;
    if (sqlite3changeset_start(&it, int(changeset.bytes.size()), changeset.bytes.data()) != SQLITE_OK)
        return kDamaged;
    std::set<std::string> checked;
    std::string problem;
    int rc;
    while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        ++changeset.changes;
        if (!checked.insert(table).second) continue;
        unsigned char* key = nullptr;
        sqlite3changeset_pk(it, &key, &columns);
        const Shape* shape = schema.shape(table);
        bool fits = shape && int(shape->columns.size()) == columns;
        for (int i = 0; fits && i < columns; ++i) fits = (key[i] != 0) == shape->key[std::size_t(i)];
        if (!fits) {
            problem = "Nothing was merged: the other copy's changes do not fit this file's tables.";
            break;
        }
    }
    if (sqlite3changeset_finalize(it) != SQLITE_OK && problem.empty()) problem = kDamaged;
    (void)rc;
    return problem;
}

struct Unchosen : std::runtime_error {
    Unchosen() : std::runtime_error("conflicts without a choice") {}
};

// One merge being applied: the conflict handler's state, and what it leaves for after.
class Applying {
public:
    Applying(Database& db, Database& theirs, const Choices& choices, const LinkTargets& links, Outcome& outcome)
        : db_(db), theirs_(theirs), mine_schema_(db, links), choices_(choices), outcome_(outcome) {}

    void run(Changeset& changeset) {
        remember_deletions(changeset);
        auto broken_before = broken_references();
        int rc = sqlite3changeset_apply_v2(db_.handle(), int(changeset.bytes.size()), changeset.bytes.data(), nullptr,
                                           &Applying::on_conflict, this, nullptr, nullptr, 0);
        if (!error_.empty()) throw std::runtime_error(error_);
        if (rc != SQLITE_OK) throw SqliteError(rc, sqlite3_errmsg(db_.handle()));
        for (auto& step : after_) step();
        mend_references(broken_before);
        if (!outcome_.unchosen.empty()) throw Unchosen();
    }

private:
    static int on_conflict(void* self, int type, sqlite3_changeset_iter* it) {
        auto* applying = static_cast<Applying*>(self);
        try {
            applying->conflict(type, it);
            return SQLITE_CHANGESET_OMIT;
        } catch (const std::exception& e) {
            applying->error_ = e.what();
            return SQLITE_CHANGESET_ABORT;
        }
    }

    // Returns the choice for `c`, recording it; nullopt when there is none yet.
    std::optional<Choice> report(Conflict c) {
        for (const auto& known : outcome_.conflicts)
            if (known.key == c.key) return std::nullopt;  // reported once (the rounds of mend_references meet it again)
        auto choice = choices_.find(c.key);
        if (c.kind == ConflictKind::DeletedHere || c.kind == ConflictKind::DeletedThere) row_conflicts_.insert(c.key);
        outcome_.conflicts.push_back(std::move(c));
        if (choice == choices_.end()) {
            outcome_.unchosen.push_back(outcome_.conflicts.back().key);
            return std::nullopt;
        }
        return choice->second;
    }

    void conflict(int type, sqlite3_changeset_iter* it) {
        const char* name = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &name, &columns, &op, &indirect);
        std::string table = name;
        const Shape& shape = *mine_schema_.shape(table);  // check_fits made sure
        auto value = [&](int (*get)(sqlite3_changeset_iter*, int, sqlite3_value**), int i) {
            sqlite3_value* v = nullptr;
            get(it, i, &v);
            return v;
        };
        Row old_row, new_row, here;
        for (int i = 0; i < columns; ++i) {
            if (op != SQLITE_INSERT) old_row.push_back(dup(value(sqlite3changeset_old, i)));
            if (op != SQLITE_DELETE) new_row.push_back(dup(value(sqlite3changeset_new, i)));
            if (type == SQLITE_CHANGESET_DATA || type == SQLITE_CHANGESET_CONFLICT)
                here.push_back(dup(value(sqlite3changeset_conflict, i)));
        }
        const Row& keyed = op == SQLITE_INSERT ? new_row : old_row;
        std::string row = row_key(shape, keyed);
        std::string place = table + "|" + row;
        if (type == SQLITE_CHANGESET_NOTFOUND) {
            if (op == SQLITE_DELETE) return;  // deleted in both
            Row theirs = read_row(theirs_, table, shape, keyed);
            auto choice = report({place, ConflictKind::DeletedHere, table, row, "", "null", dump(row_json(shape, theirs))});
            if (choice == Choice::Theirs && !theirs.empty())
                after_.push_back([this, table, &shape, whole = std::make_shared<Row>(std::move(theirs))] {
                    write_row(db_, table, shape, *whole);
                });
            return;
        }
        if (type == SQLITE_CHANGESET_DATA && op == SQLITE_DELETE) {
            auto choice = report({place, ConflictKind::DeletedThere, table, row, "", dump(row_json(shape, here)), "null"});
            if (choice == Choice::Theirs)
                after_.push_back([this, table, &shape, key = std::make_shared<Row>(std::move(old_row))] {
                    delete_row(db_, table, shape, *key);
                });
            return;
        }
        if (type == SQLITE_CHANGESET_DATA) {  // an update of a row this copy changed too: field by field
            auto set = std::make_shared<Row>();
            bool any = false;
            for (int i = 0; i < columns; ++i) {
                auto* wanted = new_row[std::size_t(i)].get();
                bool take = false;
                if (shape.key[std::size_t(i)] || !wanted || same(here[std::size_t(i)].get(), wanted)) {
                } else if (same(here[std::size_t(i)].get(), old_row[std::size_t(i)].get())) {
                    take = true;  // changed there only
                } else {
                    auto choice = report({place + "|" + shape.columns[std::size_t(i)], ConflictKind::BothChanged, table, row,
                                          shape.columns[std::size_t(i)], dump(to_json(here[std::size_t(i)].get())),
                                          dump(to_json(wanted))});
                    take = choice == Choice::Theirs;
                }
                set->push_back(take || shape.key[std::size_t(i)] ? dup(shape.key[std::size_t(i)] ? old_row[std::size_t(i)].get() : wanted)
                                                                 : Value());
                any = any || take;
            }
            if (any) after_.push_back([this, table, &shape, set] { update_row(db_, table, shape, *set); });
            return;
        }
        if (type == SQLITE_CHANGESET_CONFLICT) {  // an insert whose key this copy has
            bool identical = true;
            for (int i = 0; i < columns; ++i) identical = identical && same(here[std::size_t(i)].get(), new_row[std::size_t(i)].get());
            if (identical) return;
            auto choice = report({place, ConflictKind::BothAdded, table, row, "", dump(row_json(shape, here)),
                                  dump(row_json(shape, new_row))});
            if (choice == Choice::Theirs)
                after_.push_back([this, table, &shape, r = std::make_shared<Row>(std::move(new_row))] {
                    write_row(db_, table, shape, *r);
                });
            return;
        }
        if (type == SQLITE_CHANGESET_CONSTRAINT) {
            if (op == SQLITE_INSERT && equal_row_exists(table, shape, new_row)) return;  // both made the same row
            // Named by the value the table allows once (the same from either copy), not by either row's key.
            Row here_row;
            std::string unique = op == SQLITE_INSERT ? unique_place(table, shape, new_row, here_row) : "";
            auto choice = report({unique.empty() ? place : table + "|" + unique, ConflictKind::BothAdded, table,
                                  unique.empty() ? row : unique, "", dump(row_json(shape, here_row)),
                                  dump(row_json(shape, op == SQLITE_INSERT ? new_row : old_row))});
            if (choice == Choice::Theirs && op == SQLITE_INSERT)
                after_.push_back([this, table, &shape, r = std::make_shared<Row>(std::move(new_row))] {
                    write_row(db_, table, shape, *r);  // replaces the row that holds the unique value here
                });
            return;
        }
        // SQLITE_CHANGESET_FOREIGN_KEY does not come: references are off while replaying (mend_references).
    }

    // The unique index of `table` on which `row` meets a row here: "column=value,..." and that row.
    std::string unique_place(const std::string& table, const Shape& shape, const Row& row, Row& here) {
        Statement indexes(db_.handle(), "SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND origin <> 'pk' "
                                        "ORDER BY name");
        indexes.with(table);
        while (indexes.step()) {
            std::vector<std::size_t> columns;
            Statement info(db_.handle(), "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
            info.with(indexes.text(0));
            while (info.step())
                for (std::size_t i = 0; i < shape.columns.size(); ++i)
                    if (shape.columns[i] == info.text(0)) columns.push_back(i);
            if (columns.empty()) continue;
            std::string where, name;
            for (auto i : columns) {
                where += (where.empty() ? "" : " AND ") + quoted(shape.columns[i]) + " IS ?";
                name += (name.empty() ? "" : ",") + shape.columns[i] + "=" + dump(to_json(row[i].get()));
            }
            Raw select(db_.handle(), fmt::format("SELECT * FROM {} WHERE {} LIMIT 1", quoted(table), where));
            int index = 0;
            for (auto i : columns) select.bind(++index, row[i].get());
            if (select.step()) {
                here = select.row();
                return name;
            }
        }
        return {};
    }

    bool equal_row_exists(const std::string& table, const Shape& shape, const Row& row) {
        std::string where;
        for (std::size_t i = 0; i < shape.columns.size(); ++i)
            if (!shape.key[i]) where += (where.empty() ? "" : " AND ") + quoted(shape.columns[i]) + " IS ?";
        if (where.empty()) return false;
        Raw select(db_.handle(), fmt::format("SELECT 1 FROM {} WHERE {} LIMIT 1", quoted(table), where));
        int index = 0;
        for (std::size_t i = 0; i < shape.columns.size(); ++i)
            if (!shape.key[i]) select.bind(++index, row[i].get());
        return select.step();
    }

    // The other copy's deletions, with the values the rows had here (the deletion matched them).
    void remember_deletions(Changeset& changeset) {
        sqlite3_changeset_iter* it = nullptr;
        if (sqlite3changeset_start(&it, int(changeset.bytes.size()), changeset.bytes.data()) != SQLITE_OK) return;
        while (sqlite3changeset_next(it) == SQLITE_ROW) {
            const char* name = nullptr;
            int columns = 0, op = 0, indirect = 0;
            sqlite3changeset_op(it, &name, &columns, &op, &indirect);
            touched_.insert(name);
            if (op != SQLITE_DELETE) continue;
            Row row;
            for (int i = 0; i < columns; ++i) {
                sqlite3_value* v = nullptr;
                sqlite3changeset_old(it, i, &v);
                row.push_back(dup(v));
            }
            std::string key = std::string(name) + "|" + row_key(*mine_schema_.shape(name), row);
            deleted_there_[key] = std::move(row);
        }
        sqlite3changeset_finalize(it);
    }

    struct Broken {
        const ForeignKey* key;
        Row child;  // the whole referring row
    };

    // References of the tables the merge touched that point at no row.
    std::vector<Broken> broken_references() {
        std::vector<Broken> out;
        for (const auto& key : mine_schema_.foreign_keys()) {
            if (!touched_.count(key.child) && !touched_.count(key.parent)) continue;
            std::string present, match;
            for (std::size_t i = 0; i < key.from.size(); ++i) {
                present += (i ? " AND c." : "c.") + quoted(key.from[i]) + " IS NOT NULL";
                match += (i ? " AND p." : "p.") + quoted(key.to[i]) + " = c." + quoted(key.from[i]);
            }
            if (!key.only.empty()) present += " AND " + key.only;
            Raw rows(db_.handle(), fmt::format("SELECT c.* FROM {} AS c WHERE {} AND NOT EXISTS (SELECT 1 FROM {} AS p WHERE {})",
                                               quoted(key.child), present, quoted(key.parent), match));
            while (rows.step()) out.push_back({&key, rows.row()});
        }
        return out;
    }

    std::string broken_id(const Broken& b) {
        std::string columns;
        for (const auto& f : b.key->from) columns += "," + f;  // a link's two ends may name one table
        return b.key->child + "|" + row_key(*mine_schema_.shape(b.key->child), b.child) + "|" + b.key->parent + columns;
    }

    // A row here refers to one that one of the copies deleted: the facilitator
    // chooses between keeping the deletion (the referring row goes, or its
    // reference is emptied, as the table's ON DELETE says) and keeping the
    // referring row (the deleted row comes back). Rows that go that way take
    // their own referring rows with them, in further rounds, without asking again.
    void mend_references(const std::vector<Broken>& before) {
        std::set<std::string> known;
        for (const auto& b : before) known.insert(broken_id(b));
        for (int round = 0; round < 16; ++round) {
            bool acted = false;
            for (auto& b : broken_references()) {
                auto id = broken_id(b);
                if (!known.insert(id).second) continue;
                acted = mend(b) || acted;
            }
            if (!acted) return;
        }
    }

    bool mend(const Broken& b) {
        const ForeignKey& key = *b.key;
        const Shape& child = *mine_schema_.shape(key.child);
        const Shape* parent = mine_schema_.shape(key.parent);
        if (!parent) return follow_deletion(key, child, b.child);  // refers to no table kartla knows: nothing to restore
        // The missing row's key, as its table's key (the reference names the key: kartla's tables do).
        Row parent_key;
        for (std::size_t i = 0; i < parent->columns.size(); ++i) {
                Value v;
                for (std::size_t f = 0; f < key.to.size(); ++f)
                    if (key.to[f] == parent->columns[i])
                        for (std::size_t c = 0; c < child.columns.size(); ++c)
                            if (child.columns[c] == key.from[f]) v = dup(b.child[c].get());
                parent_key.push_back(std::move(v));
            }
        std::string parent_place = key.parent + "|" + row_key(*parent, parent_key);
        // A row gone by a choice (or by one still to make) takes its referring rows with it, as a
        // deletion does: the facilitator decides once, about the row, not again about each of them.
        if (removed_.count(parent_place) || row_conflicts_.count(parent_place)) return follow_deletion(key, child, b.child);
        auto there = deleted_there_.find(parent_place);
        bool deleted_there = there != deleted_there_.end();
        Row theirs = !deleted_there ? read_row(theirs_, key.parent, *parent, parent_key) : Row{};
        const Row& source = deleted_there ? there->second : theirs;
        // A referring row kept by a choice about itself (changed in one copy, deleted in the
        // other) needs the row it refers to: that comes back with it, without asking again.
        if (row_conflicts_.count(key.child + "|" + row_key(child, b.child))) {
            if (source.empty()) return follow_deletion(key, child, b.child);
            write_row(db_, key.parent, *parent, source);
            touched_.insert(key.parent);
            return true;
        }
        std::string column;
        for (const auto& f : key.from) column += (column.empty() ? "" : ",") + f;
        auto choice = report({key.child + "|" + row_key(child, b.child) + "|" + column, ConflictKind::MissingReference,
                              key.child, row_key(child, b.child), column,
                              deleted_there ? dump(row_json(*parent, there->second)) : "null",
                              deleted_there ? "null" : dump(row_json(*parent, theirs))});
        if (!choice) return false;
        bool restore = (*choice == Choice::Mine) == deleted_there;
        if (restore && !source.empty()) {
            write_row(db_, key.parent, *parent, source);
            touched_.insert(key.parent);
            return true;
        }
        return follow_deletion(key, child, b.child);
    }

    // What the deletion would have done to the referring row, had references been on.
    bool follow_deletion(const ForeignKey& key, const Shape& child, const Row& row) {
        if (key.on_delete == "SET NULL" || key.on_delete == "SET DEFAULT") {
            set_null(key, child, row);
            return true;
        }
        delete_row(db_, key.child, child, row);
        removed_.insert(key.child + "|" + row_key(child, row));
        touched_.insert(key.child);
        return true;
    }

    void set_null(const ForeignKey& key, const Shape& child, const Row& row) {
        std::string set;
        for (const auto& f : key.from) set += (set.empty() ? "" : ", ") + quoted(f) + " = NULL";
        Raw update(db_.handle(), fmt::format("UPDATE {} SET {} WHERE {}", quoted(key.child), set, where_key(child)));
        int index = 0;
        for (std::size_t i = 0; i < child.columns.size(); ++i)
            if (child.key[i]) update.bind(++index, row[i].get());
        update.step();
    }

    Database& db_;
    Database& theirs_;
    Schema mine_schema_;
    const Choices& choices_;
    Outcome& outcome_;
    std::string error_;
    std::vector<std::function<void()>> after_;  // what the conflict handler decided, done once SQLite is through
    std::map<std::string, Row> deleted_there_;  // "table|key" -> the row as it was here
    std::set<std::string> removed_;             // rows a chosen deletion took with it
    std::set<std::string> row_conflicts_;       // "table|key" of rows changed in one copy, deleted in the other
    std::set<std::string> touched_;             // tables whose references may break
};

// The other copy's entries this one lacks, oldest first, after the first entry both have.
struct Divergence {
    std::vector<const history::Entry*> theirs_new;  // every entry this copy lacks
    std::vector<const history::Entry*> effects;     // those whose changes must be applied
    std::string refusal;
};

std::vector<unsigned char> inverse(const std::vector<unsigned char>& changeset) {
    int size = 0;
    void* data = nullptr;
    if (sqlite3changeset_invert(int(changeset.size()), changeset.data(), &size, &data) != SQLITE_OK) return {};
    std::vector<unsigned char> out(static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
    sqlite3_free(data);
    return out;
}

Divergence diverge(const std::vector<history::Entry>& mine, const std::vector<history::Entry>& theirs) {
    Divergence d;
    std::unordered_set<std::int64_t> known;
    for (const auto& e : mine)
        if (e.kind != "other" || e.via >= 0) known.insert(e.id);  // not those of a merge undone here
    auto first_shared = std::find_if(theirs.begin(), theirs.end(), [&](const auto& e) { return known.count(e.id) > 0; });
    if (first_shared == theirs.end()) {
        d.refusal = "The two files have no edit in common: they are different workshops, or copies that parted too "
                    "long ago. Nothing was merged.";
        return d;
    }
    std::int64_t last_shared_mine = 0;  // where, in this copy's order, the copies last agree
    for (auto e = first_shared; e != theirs.end(); ++e) {
        if (known.count(e->id)) continue;
        d.theirs_new.push_back(&*e);
    }
    std::unordered_set<std::int64_t> theirs_ids;
    for (const auto& e : theirs) theirs_ids.insert(e.id);
    for (const auto& e : mine)
        if (theirs_ids.count(e.id)) last_shared_mine = e.seq;
    bool schema_here = std::any_of(mine.begin(), mine.end(), [&](const auto& e) {
        return e.seq > last_shared_mine && e.kind == "schema";
    });
    bool schema_there = false;
    std::vector<std::vector<unsigned char>> skipped;  // changesets of merges skipped, and their inverses
    for (const auto* e : d.theirs_new) {
        if (e->kind == "schema") schema_there = true;
        bool brought_here = e->kind == "merge" && std::all_of(theirs.begin(), theirs.end(), [&](const auto& o) {
            return o.via != e->id || known.count(o.id);
        });
        if (brought_here && e->has_changeset) {
            skipped.push_back(e->changeset);
            skipped.push_back(inverse(e->changeset));
        }
        // Undoing or redoing such a merge there is skipped with it: its changeset is the merge's, or its inverse.
        bool undoes_skipped = (e->kind == "undo" || e->kind == "redo") && e->has_changeset &&
                              std::find(skipped.begin(), skipped.end(), e->changeset) != skipped.end();
        if ((e->kind != "edit" && e->kind != "undo" && e->kind != "redo" && e->kind != "merge") || brought_here ||
            undoes_skipped)
            continue;
        if (schema_there || schema_here) {
            d.refusal = "One of the copies was upgraded to a newer kartla after they parted, and the other copy's "
                        "changes were made before: merge them before upgrading. Nothing was merged.";
            return d;
        }
        if (!e->has_changeset) {
            d.refusal = "The other copy's history no longer holds all its changes since the copies parted (it was "
                        "purged or grew too long), so they cannot be told apart. Nothing was merged.";
            return d;
        }
        d.effects.push_back(e);
    }
    return d;
}

// The other copy's entries, and the choices made, become this copy's history (as part of the merge entry).
void record_theirs(Database& db, const Divergence& d, const Outcome& outcome, const Choices& choices) {
    // Entries a merge undone here brought before are here still, let go of (via < 0): they are taken
    // back, not made twice. By their seq: the history has no index on its ids (core schema 5).
    std::unordered_map<std::int64_t, std::int64_t> let_go;  // id -> seq
    {
        Statement rows(db.handle(), "SELECT id, seq FROM core_history WHERE kind = 'other' AND via < 0");
        while (rows.step()) let_go.emplace(rows.int64(0), rows.int64(1));
    }
    for (const auto* e : d.theirs_new) {
        if (auto here = let_go.find(e->id); here != let_go.end())
            db.run("UPDATE core_history SET via = ? WHERE seq = ?", history::kPendingVia, here->second);
        else
            db.run("INSERT INTO core_history(id, parent, made_at, kind, component, label, via) VALUES (?, ?, ?, 'other', ?, ?, ?)",
                   e->id, e->parent, e->made_at, e->component, e->label, history::kPendingVia);
    }
    for (const auto& c : outcome.conflicts) {
        auto chosen = choices.find(c.key);
        nlohmann::json note = {{"key", c.key},
                               {"kind", kind_name(c.kind)},
                               {"mine", nlohmann::json::parse(c.mine, nullptr, false)},
                               {"theirs", nlohmann::json::parse(c.theirs, nullptr, false)},
                               {"chosen", chosen != choices.end() && chosen->second == Choice::Theirs ? "theirs" : "mine"}};
        db.run("INSERT INTO core_history(id, made_at, kind, component, label, via, note) "
               "VALUES ((random() & 9223372036854775807) | 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'choice', 'core', "
               "?, ?, ?)",
               history::kMergeLabel, history::kPendingVia, dump(note));
    }
}

}  // namespace

const char* kind_name(ConflictKind kind) {
    switch (kind) {
        case ConflictKind::BothChanged: return "both_changed";
        case ConflictKind::DeletedHere: return "deleted_here";
        case ConflictKind::DeletedThere: return "deleted_there";
        case ConflictKind::BothAdded: return "both_added";
        case ConflictKind::MissingReference: return "missing_reference";
    }
    return "";
}

Outcome merge(Workshop& mine, Workshop& theirs, const Choices& choices, const LinkTargets& links) {
    Outcome outcome;
    try {
        auto mine_entries = history::entries(mine.db(), false);
        auto theirs_entries = history::entries(theirs.db(), true);
        if (!theirs_entries.empty()) outcome.theirs_last_edit = theirs_entries.back().made_at;
        auto divergence = diverge(mine_entries, theirs_entries);
        if (!divergence.refusal.empty()) {
            outcome.refusal = divergence.refusal;
            return outcome;
        }
        auto changeset = combine(divergence.effects);
        Schema schema(mine.db(), links);
        if (auto problem = check_fits(schema, changeset); !problem.empty()) {
            outcome.refusal = problem;
            return outcome;
        }
        outcome.changes = changeset.changes;
        if (divergence.theirs_new.empty()) return outcome;  // this copy has everything the other has
        auto result = mine.replay_edit({"core", history::kMergeLabel}, [&](Database& db) {
            Applying(db, theirs.db(), choices, links, outcome).run(changeset);
            record_theirs(db, divergence, outcome, choices);
        });
        if (!result && outcome.unchosen.empty()) outcome.refusal = "Nothing was merged: " + result.message;
    } catch (const std::exception& e) {
        outcome.refusal = e.what() == std::string(kDamaged) ? kDamaged : std::string("Nothing was merged: ") + e.what();
    }
    return outcome;
}

}  // namespace kartla::merge
