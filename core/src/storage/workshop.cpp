// Edits, undo and redo. Each edit runs in one transaction while an SQLite
// session records it; undo applies the inverted changeset, redo the original.
// No plugin writes inverse code.
#include "kartla/workshop.hpp"

#include "storage/file_identity.hpp"
#include "storage/history.hpp"
#include "storage/schema_guard.hpp"
#include "storage/sqlite_settings.hpp"
#include "storage/redacted_reading.hpp"
#include "storage/touched_references.hpp"
#include "storage/wal_owner.hpp"
#include "storage/workshop_state.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <atomic>
#include <utility>
#include <cstring>

namespace kartla {

namespace {

std::atomic<std::uint64_t> g_revision{1};
constexpr std::size_t kUndoDepth = 1000;

// Tables that hold bookkeeping rather than user content stay out of undo (the
// history holds the changesets themselves).
int record_table(void*, const char* table) {
    return std::strcmp(table, "core_plugin_schema") != 0 && std::strcmp(table, "core_history") != 0 &&
           std::strncmp(table, "local_", 6) != 0 &&
           std::strncmp(table, "sqlite_", 7) != 0;
}

// The bounds of the rows remembered for changes_since: a frame's worth of edits from
// phones and the screen, never a merge's thousands (those are read again whole).
constexpr std::size_t kRowLogSteps = 64;
constexpr std::size_t kRowLogRows = 4096;

// Each row a changeset names, by table and primary key; none when it cannot be read.
std::optional<std::vector<RowChange>> rows_named(const std::vector<unsigned char>& changeset) {
    sqlite3_changeset_iter* iter = nullptr;
    auto* data = const_cast<unsigned char*>(changeset.data());
    if (sqlite3changeset_start(&iter, int(changeset.size()), data) != SQLITE_OK) return std::nullopt;
    std::vector<RowChange> rows;
    while (sqlite3changeset_next(iter) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        unsigned char* pk = nullptr;
        sqlite3changeset_op(iter, &table, &columns, &op, &indirect);
        sqlite3changeset_pk(iter, &pk, &columns);
        RowChange row{table, 0, false};
        int keys = 0, key_column = -1;
        for (int i = 0; i < columns; ++i)
            if (pk[i]) ++keys, key_column = i;
        sqlite3_value* value = nullptr;
        if (keys == 1) (op == SQLITE_INSERT ? sqlite3changeset_new : sqlite3changeset_old)(iter, key_column, &value);
        if (value && sqlite3_value_type(value) == SQLITE_INTEGER) row = {table, sqlite3_value_int64(value), true};
        rows.push_back(std::move(row));
        if (rows.size() > kRowLogRows) break;  // too many to be worth naming
    }
    if (sqlite3changeset_finalize(iter) != SQLITE_OK) return std::nullopt;
    return rows;
}

// Whether the connection changed rows, or another program the file, since the counts were taken.
bool written_since(Database& db, std::int64_t total_changes, std::int64_t data_version) {
    return sqlite3_total_changes64(db.handle()) != total_changes || db.scalar_int("PRAGMA data_version") != data_version;
}
void take_counts(Database& db, std::int64_t& total_changes, std::int64_t& data_version) {
    total_changes = sqlite3_total_changes64(db.handle());
    data_version = db.scalar_int("PRAGMA data_version");
}
// Takes the counts again however an edit ends: one that failed and rolled back, or changed
// nothing, counted rows all the same, and no outside write came in meanwhile.
struct CountsAfter {
    Database& db;
    std::int64_t& total_changes;
    std::int64_t& data_version;
    ~CountsAfter() {
        try {
            take_counts(db, total_changes, data_version);
        } catch (const SqliteError&) {
            total_changes = -1;  // unknown: the next edit starts a new log
        }
    }
};

class Session {
public:
    explicit Session(sqlite3* db) {
        if (int rc = sqlite3session_create(db, "main", &session_); rc != SQLITE_OK) throw SqliteError(rc, "session");
        sqlite3session_table_filter(session_, record_table, nullptr);
        if (int rc = sqlite3session_attach(session_, nullptr); rc != SQLITE_OK) throw SqliteError(rc, "session attach");
    }
    ~Session() { sqlite3session_delete(session_); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    std::vector<unsigned char> changeset() {
        int size = 0;
        void* data = nullptr;
        if (int rc = sqlite3session_changeset(session_, &size, &data); rc != SQLITE_OK) throw SqliteError(rc, "changeset");
        std::vector<unsigned char> out(static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
        sqlite3_free(data);
        return out;
    }

private:
    sqlite3_session* session_ = nullptr;
};

EditResult failure(const std::string& what, bool disk_full = false) { return EditResult{false, disk_full, what}; }

// One changeset doing what `first` and then `second` did (a row inserted and then
// updated becomes one insert); empty when they cancel out.
std::vector<unsigned char> combine(const std::vector<unsigned char>& first, const std::vector<unsigned char>& second) {
    sqlite3_changegroup* group = nullptr;
    if (int rc = sqlite3changegroup_new(&group); rc != SQLITE_OK) throw SqliteError(rc, "changegroup");
    int rc = sqlite3changegroup_add(group, int(first.size()), const_cast<unsigned char*>(first.data()));
    if (rc == SQLITE_OK) rc = sqlite3changegroup_add(group, int(second.size()), const_cast<unsigned char*>(second.data()));
    int size = 0;
    void* data = nullptr;
    if (rc == SQLITE_OK) rc = sqlite3changegroup_output(group, &size, &data);
    sqlite3changegroup_delete(group);
    if (rc != SQLITE_OK) throw SqliteError(rc, "combining changes");
    std::vector<unsigned char> out(static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
    sqlite3_free(data);
    return out;
}

EditResult failure_from(const SqliteError& e) {
    if (e.disk_full())
        return failure("The disk is full or cannot be written; nothing was lost. Free some space and try again.", true);
    if (e.busy()) return failure("The workshop file is busy in another program; try again.");
    return failure(e.what());
}

// Undo of an edit whose rows were changed since can not be applied; we stop rather than guess.
int abort_on_conflict(void*, int, sqlite3_changeset_iter*) { return SQLITE_CHANGESET_ABORT; }

// A changeset already holds every row that foreign-key actions (ON DELETE
// CASCADE / SET NULL) and triggers changed when the edit was made. Were they
// to fire again while it is replayed, those rows would be changed twice and the
// second change would find them gone: redo of "remove a participant who
// attended a meeting" failed that way. So both are off while replaying, and the
// foreign keys are checked once at the end instead.
class Replay {
public:
    explicit Replay(Database& db) : db_(db) {
        db_.exec("PRAGMA foreign_keys = OFF");  // outside the transaction, where it has effect
        sqlite3_db_config(db_.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &triggers_were_on_);  // -1: only ask
        sqlite3_db_config(db_.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    }
    ~Replay() {
        sqlite3_db_config(db_.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, triggers_were_on_, nullptr);
        try {
            db_.exec("PRAGMA foreign_keys = ON");
        } catch (...) {
            // Only fails inside a transaction, and the transaction has ended by now.
        }
    }
    Replay(const Replay&) = delete;
    Replay& operator=(const Replay&) = delete;

    // Broken references the file had before (a file from elsewhere) do not block undo; new ones do.
    // Only the references the change touches are counted, so undo costs what the change costs.
    static void check_foreign_keys(TouchedReferences& references, std::int64_t broken_before) {
        if (references.broken() > broken_before)
            throw SqliteError(SQLITE_CONSTRAINT_FOREIGNKEY, "the change would leave references to missing rows");
    }

private:
    Database& db_;
    int triggers_were_on_ = 1;
};

}  // namespace

Workshop::Workshop(std::unique_ptr<Database> db, std::filesystem::path path, StorageKind storage)
    : state_(std::make_unique<State>()) {
    state_->db = std::move(db);
    state_->path = std::move(path);
    state_->storage = storage;
    state_->revision = g_revision++;
    if (state_->storage != StorageKind::Memory) state_->identity_fd = file_identity::open_identity(state_->path);
    take_counts(*state_->db, state_->logged_total_changes, state_->logged_data_version);
}

Workshop::~Workshop() {
    // SQLite finishes and removes the WAL when the last connection closes, but
    // not when the file at the path is another one by now: then it would leave
    // the WAL there for the next open. A file gone since the last look is let go of first.
    if (state_->wal_claim) file_change();
    state_->db.reset();
    if (state_->wal_claim && !state_->wal_claim->let_go) wal_owner::release(state_->path, state_->wal_claim->record);
    release_advisory_lock();
    if (state_->identity_fd >= 0) ::close(state_->identity_fd);  // after SQLite: see file_identity.hpp
}

Workshop::FileChange Workshop::file_change() {
    auto change = file_identity::check(state_->identity_fd, state_->path);
    if (change != FileChange::None) let_go_of_wal(change);
    // A file moved back after kartla let go of its WAL stays gone for this
    // connection: what it wrote now would go into a WAL no longer beside the file.
    if (change == FileChange::None && state_->wal_claim && state_->wal_claim->let_go) return state_->wal_claim->seen;
    return change;
}

std::string Workshop::file_problem() { return file_identity::describe(file_change(), state_->path); }
const Workshop::WalNote& Workshop::wal_note() const { return state_->wal_note; }
Database& Workshop::db() { return *state_->db; }
const std::filesystem::path& Workshop::path() const { return state_->path; }
bool Workshop::read_only() const { return state_->storage == StorageKind::ReadOnly; }
StorageKind Workshop::storage() const { return state_->storage; }
std::uint64_t Workshop::revision() const { return state_->revision; }
bool Workshop::can_undo() const { return !state_->undo.empty(); }
bool Workshop::can_redo() const { return !state_->redo.empty(); }

// The file at the path is not the one this connection writes any more, but the
// WAL is still found by that path. It is finished into the file kartla has open
// (a moved file is then whole where it is now) and removed, so nothing of this
// session waits beside the path for another file. When it cannot be finished
// (another program reads it), it is set aside instead. Once: from then on this
// connection only reads, until a copy takes over.
void Workshop::let_go_of_wal(FileChange change) {
    if (!state_->wal_claim || state_->wal_claim->let_go) return;
    state_->wal_claim->let_go = true;
    state_->wal_claim->seen = change;
    const auto& mine = state_->wal_claim->record;
    if (!wal_owner::wal_is_mine(state_->path, mine)) {  // another open of the new file set it aside already
        wal_owner::release(state_->path, mine);
        return;
    }
    bool finished = false;
    try {
        finished = state_->db->scalar_int("PRAGMA wal_checkpoint(TRUNCATE)") == 0;  // its first column: 1 when busy
    } catch (const SqliteError&) {
        // not finished: set aside below
    }
    if (finished) {
        std::error_code ec;
        std::filesystem::remove(wal_owner::wal_of(state_->path), ec);  // empty now: it holds nothing
        std::filesystem::remove(wal_owner::shm_of(state_->path), ec);
        wal_owner::release(state_->path, mine);
        // A deleted file needs no word more than the banner's: the copy is the way out.
        if (change == FileChange::Replaced)
            state_->wal_note = {"The new file was left as it is: nothing of this session was written into it.", {}};
        else if (file_identity::has_a_name(state_->identity_fd))
            state_->wal_note = {"Everything saved until then is in the moved file.", {}};
        return;
    }
    std::string problem;
    if (auto aside = wal_owner::set_aside(state_->path, problem))
        state_->wal_note = {"kartla's unfinished changes were set aside so that they cannot mix into another file:", *aside};
    else
        state_->wal_note = {"kartla's unfinished changes could not be set aside; do not open a file of this name before "
                     "kartla is closed:",
                     wal_owner::wal_of(state_->path)};
}

void Workshop::release_advisory_lock() {
    if (state_->lock_fd < 0) return;
    flock(state_->lock_fd, LOCK_UN);
    ::close(state_->lock_fd);
    state_->lock_fd = -1;
}

std::string Workshop::storage_note() const {
    switch (state_->storage) {
        case StorageKind::ReadOnly: return "Opened read-only: changes cannot be saved to this file.";
        case StorageKind::NetworkExclusive:
            return "The file is on a network drive: kartla holds it exclusively and saves without WAL.";
        default: return {};
    }
}

void Workshop::changed() {
    state_->revision = g_revision++;
    state_->row_log.clear();  // what changed is not known row by row: changes_since says so
    take_counts(*state_->db, state_->logged_total_changes, state_->logged_data_version);  // the log starts again from here
}

void Workshop::changed(const std::vector<unsigned char>& changeset) {
    const std::uint64_t before = state_->revision;
    state_->revision = g_revision++;
    auto rows = rows_named(changeset);
    // A merge or a large undo: a view reads everything again rather than row by row.
    if (!rows || rows->size() > kRowLogRows) return state_->row_log.clear();
    state_->row_log.push_back({before, state_->revision, std::move(*rows)});
    take_counts(*state_->db, state_->logged_total_changes, state_->logged_data_version);
    std::size_t kept = 0;
    for (const auto& entry : state_->row_log) kept += entry.rows.size();
    while (state_->row_log.size() > kRowLogSteps || kept > kRowLogRows) {
        kept -= state_->row_log.front().rows.size();
        state_->row_log.erase(state_->row_log.begin());
    }
}

std::optional<std::vector<RowChange>> Workshop::changes_since(std::uint64_t revision) const {
    if (revision == state_->revision) return std::vector<RowChange>{};
    auto first = std::find_if(state_->row_log.begin(), state_->row_log.end(), [&](const State::RowLog& e) { return e.before == revision; });
    if (first == state_->row_log.end()) return std::nullopt;
    // Rows written since by something other than an edit, undo or redo are named nowhere.
    if (written_since(*state_->db, state_->logged_total_changes, state_->logged_data_version)) return std::nullopt;
    std::vector<RowChange> rows;
    for (auto entry = first; entry != state_->row_log.end(); ++entry) rows.insert(rows.end(), entry->rows.begin(), entry->rows.end());
    return rows;
}

EditResult Workshop::edit(EditLabel label, const std::function<void(Database&)>& change, EditGroup group) {
    return commit_edit(std::move(label), change, group);
}

EditResult Workshop::replay_edit(EditLabel label, const std::function<void(Database&)>& change) {
    return commit_edit(std::move(label), change, 0, true);
}

EditResult Workshop::commit_edit(EditLabel label, const std::function<void(Database&)>& change, EditGroup group,
                                 bool replay) {
    if (read_only()) return failure("This workshop is open read-only.");
    if (auto gone = file_problem(); !gone.empty()) return failure(gone);
    // Masked text read back and written would mask the file itself.
    if (detail::has_text_filter(*state_->db)) return failure("The workshop cannot be changed while a redacted export runs.");
    std::vector<unsigned char> changeset;
    std::optional<std::vector<unsigned char>> grown;  // the previous step and this one as one
    // Rows written since the last edit by something else are in no entry: that is a revision of
    // its own, and no row log reaches back past it.
    if (written_since(*state_->db, state_->logged_total_changes, state_->logged_data_version)) changed();
    CountsAfter counts{*state_->db, state_->logged_total_changes, state_->logged_data_version};
    try {
        std::optional<Replay> replaying;
        if (replay) replaying.emplace(*state_->db);
        Session session(state_->db->handle());
        Transaction tx(*state_->db);
        change(*state_->db);
        changeset = session.changeset();
        if (replay) {
            TouchedReferences references(*state_->db, changeset.data(), int(changeset.size()));
            Replay::check_foreign_keys(references, 0);
        }
        // The saves of one gesture grow one undo step, and one entry of the history with it.
        if (!changeset.empty() && group != 0 && group == state_->last_group && !state_->undo.empty() && state_->redo.empty()) {
            try {
                grown = combine(state_->undo.back().changeset, changeset);
            } catch (const SqliteError&) {
                // committed all the same: two steps
            }
        }
        // In the same transaction: an edit is in the file's history exactly when it is in the file.
        if (grown) history::record_grown(*state_->db, *grown);
        else history::record(*state_->db, "edit", label, changeset, replay);
        tx.commit();
    } catch (const SqliteError& e) {
        return failure_from(e);
    } catch (const std::exception& e) {
        return failure(e.what());
    }
    if (changeset.empty()) return {};
    changed(changeset);  // this edit's rows, whether it grew the last step or made one
    if (grown) {
        state_->undo.back().changeset = std::move(*grown);
        if (state_->undo.back().changeset.empty()) {  // typed and erased again: nothing to undo
            state_->undo.pop_back();
            group = 0;  // so the entry below is never grown by this group
        }
    } else {
        state_->undo.push_back(Change{std::move(label), std::move(changeset)});
        if (state_->undo.size() > kUndoDepth) state_->undo.erase(state_->undo.begin());
    }
    state_->last_group = group;
    state_->redo.clear();
    return {};
}

EditResult Workshop::apply_changeset(const Change& step, bool invert) {
    const auto& changeset = step.changeset;
    if (read_only()) return failure("This workshop is open read-only.");
    if (auto gone = file_problem(); !gone.empty()) return failure(gone);
    state_->last_group = 0;  // an edit after undo or redo starts a new step
    if (detail::has_text_filter(*state_->db)) return failure("The workshop cannot be changed while a redacted export runs.");
    std::vector<unsigned char> data = changeset;
    if (written_since(*state_->db, state_->logged_total_changes, state_->logged_data_version)) changed();  // as in commit_edit
    CountsAfter counts{*state_->db, state_->logged_total_changes, state_->logged_data_version};
    try {
        if (invert) {
            int size = 0;
            void* inverted = nullptr;
            int rc = sqlite3changeset_invert(int(changeset.size()), changeset.data(), &size, &inverted);
            if (rc != SQLITE_OK) throw SqliteError(rc, "could not invert the change");
            data.assign(static_cast<unsigned char*>(inverted), static_cast<unsigned char*>(inverted) + size);
            sqlite3_free(inverted);
        }
        Replay replay(*state_->db);
        Transaction tx(*state_->db);
        TouchedReferences references(*state_->db, data.data(), int(data.size()));
        auto broken_before = references.broken();
        int rc = sqlite3changeset_apply(state_->db->handle(), int(data.size()), data.data(), nullptr, abort_on_conflict, nullptr);
        if (rc != SQLITE_OK) throw SqliteError(rc, "the workshop changed in a way that cannot be undone");
        Replay::check_foreign_keys(references, broken_before);
        history::record(*state_->db, invert ? "undo" : "redo", step.label, data);
        tx.commit();
    } catch (const SqliteError& e) {
        return failure_from(e);
    }
    changed(data);
    return {};
}

EditResult Workshop::undo() {
    if (state_->undo.empty()) return failure("Nothing to undo.");
    auto result = apply_changeset(state_->undo.back(), true);
    if (!result) return result;
    state_->redo.push_back(std::move(state_->undo.back()));
    state_->undo.pop_back();
    return result;
}

EditResult Workshop::redo() {
    if (state_->redo.empty()) return failure("Nothing to redo.");
    auto result = apply_changeset(state_->redo.back(), false);
    if (!result) return result;
    state_->undo.push_back(std::move(state_->redo.back()));
    state_->redo.pop_back();
    return result;
}

EditLabel Workshop::undo_step() const { return state_->undo.empty() ? EditLabel{} : state_->undo.back().label; }
EditLabel Workshop::redo_step() const { return state_->redo.empty() ? EditLabel{} : state_->redo.back().label; }

void Workshop::clear_history() {
    state_->last_group = 0;
    state_->undo.clear();
    state_->redo.clear();
}

// `kartla info` and `export` open a file read-only; one written by an older
// plugin would otherwise lose that plugin's part of every answer. The whole file
// is copied into memory, with the same settings and the same guard, and upgraded
// there; storage stays read-only, so no edit is taken and the file is untouched.
void Workshop::read_from_memory_copy() {
    auto copy = std::make_unique<Database>(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite_settings::apply_defensive(*copy);
    sqlite3_backup* backup = sqlite3_backup_init(copy->handle(), "main", state_->db->handle(), "main");
    if (!backup) throw SqliteError(sqlite3_errcode(copy->handle()), sqlite3_errmsg(copy->handle()));
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw SqliteError(rc, sqlite3_errmsg(copy->handle()));
    copy->exec("PRAGMA foreign_keys = ON");
    auto guard = schema_guard::guard_tables(*copy, state_->guarded_tables);
    state_->db = std::move(copy);  // the file's connection closes before its guard goes
    state_->schema_guard = std::move(guard);
    state_->memory_copy = true;
}

EditResult Workshop::continue_in_copy(const std::filesystem::path& target) {
    file_change();  // a file gone lets go of its WAL before the copy is read
    if (auto saved = save_copy(target); !saved) return saved;
    // Trusted as this file was: opened without the plugins' schema, the copy's
    // plugin tables would be unverified, and every plugin edit refused.
    auto opened = open(target, OpenMode::ReadWrite, state_->advisory_lock, state_->trusted);
    if (auto* e = std::get_if<OpenError>(&opened)) return failure(e->message);
    continue_in(*std::get<std::unique_ptr<Workshop>>(opened));
    return {};
}

void Workshop::continue_in(Workshop& next) {
    std::swap(state_->schema_guard, next.state_->schema_guard);  // the copy's connection asks its own guard on every statement
    std::swap(state_->guarded_tables, next.state_->guarded_tables);
    std::swap(state_->memory_copy, next.state_->memory_copy);
    std::swap(state_->db, next.state_->db);
    std::swap(state_->path, next.state_->path);
    std::swap(state_->storage, next.state_->storage);
    std::swap(state_->lock_fd, next.state_->lock_fd);
    std::swap(state_->identity_fd, next.state_->identity_fd);
    std::swap(state_->wal_claim, next.state_->wal_claim);
    std::swap(state_->wal_note, next.state_->wal_note);  // the copy's: nothing to say about the old file's WAL any more
    // `next` now holds the old file and closes it; the history applies to the copy as it did to the original.
}

EditResult Workshop::save_copy(const std::filesystem::path& target) {
    std::error_code ec;
    if (std::filesystem::equivalent(target, state_->path, ec)) return failure("Choose another file than the open workshop.");
    auto temporary = target;
    temporary += ".part";
    std::filesystem::remove(temporary, ec);
    try {
        Database out(temporary.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        sqlite3_backup* backup = sqlite3_backup_init(out.handle(), "main", state_->db->handle(), "main");
        if (!backup) throw SqliteError(sqlite3_errcode(out.handle()), sqlite3_errmsg(out.handle()));
        int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) throw SqliteError(rc, sqlite3_errstr(rc));
        out.exec("PRAGMA journal_mode = DELETE");  // a copy travels as one self-contained file
    } catch (const SqliteError& e) {
        std::filesystem::remove(temporary, ec);
        return failure_from(e);
    }
    std::filesystem::rename(temporary, target, ec);
    if (ec) return failure(fmt::format("Could not write {}: {}", target.string(), ec.message()));
    return {};
}

int Workshop::plugin_schema_version(std::string_view plugin_id) {
    return int(state_->db->scalar_int("SELECT version FROM core_plugin_schema WHERE plugin_id = ?", plugin_id));
}

std::string Workshop::migrate_plugin(std::string_view plugin_id, const std::vector<std::string>& steps) {
    int current = plugin_schema_version(plugin_id);
    if (current > int(steps.size()))
        return fmt::format("this file was written by a newer version of the plugin (schema {}, the plugin knows {})",
                           current, steps.size());
    if (current == int(steps.size())) return trust(plugin_id, steps);
    try {
        if (read_only() && !state_->memory_copy) read_from_memory_copy();
        for (int version = current; version < int(steps.size()); ++version) {
            Transaction tx(*state_->db);
            state_->db->exec(steps[std::size_t(version)]);
            state_->db->run("INSERT INTO core_plugin_schema(plugin_id, version) VALUES (?, ?) "
                     "ON CONFLICT(plugin_id) DO UPDATE SET version = excluded.version",
                     plugin_id, version + 1);
            history::record_schema_change(*state_->db, plugin_id, version + 1);
            tx.commit();
        }
    } catch (const SqliteError& e) {
        return fmt::format("upgrading its tables failed: {}", e.what());
    }
    state_->db->clear_statement_cache();
    clear_history();  // changesets recorded against the old schema no longer apply
    changed();
    return trust(plugin_id, steps);
}

// The file now holds this plugin's tables as `steps` make them: a copy is opened trusting them.
std::string Workshop::trust(std::string_view plugin_id, const std::vector<std::string>& steps) {
    auto& plugins = state_->trusted.plugins;
    auto known = std::find_if(plugins.begin(), plugins.end(), [&](const auto& p) { return p.first == plugin_id; });
    if (known == plugins.end()) plugins.emplace_back(std::string(plugin_id), steps);
    else known->second = steps;
    return {};
}

}  // namespace kartla
