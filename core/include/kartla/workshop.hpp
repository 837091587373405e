#pragma once
// One open workshop file: validation on open, the core schema, edits as single
// transactions, and undo/redo recorded by SQLite's session extension.
#include "kartla/database.hpp"
#include "kartla/api.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kartla {

inline constexpr std::int32_t kApplicationId = 0x4B52544C;  // "KRTL"
inline constexpr int kCoreSchemaVersion = 5;  // = core_schema::migrations().size()

enum class OpenProblem {
    NotFound,        // no such file
    NotSqlite,       // not an SQLite database at all
    NotWorkshop,     // SQLite, but not ours (application_id)
    Corrupt,         // quick_check failed or the file is truncated
    NewerVersion,    // written by a newer kartla
    InUse,           // another kartla has it open
    CannotWrite,     // e.g. the folder is not writable while creating
    ForeignSchema,   // holds a trigger, view or other object kartla's migrations do not create
};

struct KARTLA_API OpenError {
    OpenProblem problem;
    std::string message;  // one line, for a dialog or stderr
};

enum class OpenMode { ReadWrite, ReadOnly };

// The schema a file may hold besides the core's own: each loaded plugin's
// migrations (Host::add_schema) by plugin id. Opening compares the file's
// sqlite_schema against what these create (see core/src/schema_guard.hpp).
struct SchemaCatalog {
    std::vector<std::pair<std::string, std::vector<std::string>>> plugins;
};

enum class StorageKind { LocalWal, NetworkExclusive, ReadOnly, Memory };

struct EditResult {
    bool ok = true;
    bool disk_full = false;
    std::string message;  // empty when ok
    explicit operator bool() const { return ok; }
};

// The saves of one gesture (a visit to a text field, saved as it is typed)
// become one undo step: an edit given a group merges into the previous undo
// entry when that entry was made in the same group. 0: no group. The window's
// text fields hand their visit's group to the edit that saves them, in the call
// (Editor::edit, Session::edit), never through state on the side.
using EditGroup = std::uint64_t;

// What an undo step is called: an English msgid and the component (plugin id,
// or "core") whose catalogue translates it. Kept untranslated with the step and
// translated whenever it is shown, so a language switch renames the undo menu too.
struct EditLabel {
    std::string component;
    std::string msgid;
};

class Database;

// A row that an edit, undo or redo inserted, updated or deleted (Workshop::changes_since).
struct RowChange {
    std::string table;
    std::int64_t key = 0;      // the row's primary key, when that is one integer
    bool integer_key = true;   // false: another kind of key (key is 0); count the whole table as changed
};

// Something that makes one user action into one undo step. The Host is the one
// a plugin's views use (it reports failures to the user); a Workshop is one too,
// for sample building and tests, where there is nobody to tell. `group` joins the
// edit to the undo step of a gesture (EditGroup); a text field hands its write an
// Editor that passes its visit's group (ui::text_field), so a model's edit
// functions never hear of groups.
class Editor {
public:
    virtual EditResult edit(std::string_view label_msgid, const std::function<void(Database&)>& change,
                            EditGroup group) = 0;
    EditResult edit(std::string_view label_msgid, const std::function<void(Database&)>& change) {
        return edit(label_msgid, change, 0);
    }

protected:
    ~Editor() = default;
};

class Workshop;
using OpenResult = std::variant<std::unique_ptr<Workshop>, OpenError>;

class KARTLA_API Workshop final : public Editor {
public:
    // Opens an existing workshop. The file is validated read-only first, so a
    // foreign, corrupt or newer file is never touched. `known` is the plugins'
    // schema the file may hold (Runtime::known_schema()); any other object is refused.
    static OpenResult open(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWrite,
                           bool take_advisory_lock = false, const SchemaCatalog& known = {});
    // Creates a new, empty workshop; fails if the file exists.
    static OpenResult create(const std::filesystem::path& path, bool take_advisory_lock = false);
    // A workshop held in memory only (tests, fuzzing).
    static std::unique_ptr<Workshop> in_memory();

    ~Workshop();
    Workshop(const Workshop&) = delete;
    Workshop& operator=(const Workshop&) = delete;

    Database& db();
    const std::filesystem::path& path() const;
    bool read_only() const;
    StorageKind storage() const;
    std::string storage_note() const;  // a sentence for the user when storage is not the usual

    // Empty while path() names the file this workshop writes to; otherwise a
    // sentence for the user (it was moved, deleted or replaced while open). Checked
    // anew on each call, and before every edit, undo and redo: while the file is
    // gone nothing is written into it, since what goes into an unlinked file is
    // lost at close. The open connection still reads everything, so save_copy
    // keeps the work. The first call that finds the file gone lets go of the
    // -wal beside its path, which SQLite would otherwise leave there for the
    // next open to apply to whatever file has that name then: the WAL is
    // finished (checkpointed) into the file kartla has open and removed, or,
    // when it cannot be finished, set aside (see wal_note).
    std::string file_problem();
    enum class FileChange { None, MovedOrDeleted, Replaced };
    FileChange file_change();  // the same check, for a caller that words it itself

    // What kartla did with a -wal that was not this file's (found at open) or
    // that it let go when the file went: an English msgid and the file it names
    // (the WAL's new name when it was set aside). Empty when there is nothing to say.
    struct WalNote {
        std::string msgid;
        std::filesystem::path file;
        bool empty() const { return msgid.empty(); }
    };
    const WalNote& wal_note() const;

    // A number that changes on every edit, undo and redo, and differs between
    // workshops: views cache derived state per revision.
    std::uint64_t revision() const;

    // The rows that the edits, undos and redos after `revision` (an earlier revision()
    // of this workshop) touched, oldest first, as their changesets name them (rows
    // that foreign keys and triggers changed included). None when that is not known
    // any more: too many steps or rows ago, a schema upgrade since, a write since that
    // was no edit, or not a revision of this workshop. A view that derives state per revision updates just these
    // rows, and reads everything again when there is no answer.
    std::optional<std::vector<RowChange>> changes_since(std::uint64_t revision) const;

    // One user action = one transaction = one undo step (or a part of the step
    // of `group`, see EditGroup). Any exception from `change` rolls everything
    // back and is reported in the result, never propagated.
    EditResult edit(EditLabel label, const std::function<void(Database&)>& change, EditGroup group = 0);
    // The same, labelled in the core's catalogue.
    EditResult edit(std::string_view label, const std::function<void(Database&)>& change, EditGroup group) override {
        return edit(EditLabel{"core", std::string(label)}, change, group);
    }
    using Editor::edit;

    // One undo step like edit(), for a change that replays rows recorded elsewhere
    // (a merge of another copy): foreign-key actions and triggers are off while
    // `change` runs, since the recorded rows already hold what they did; `change`
    // itself makes the references whole, and the commit is refused if it did not.
    EditResult replay_edit(EditLabel label, const std::function<void(Database&)>& change);

    bool can_undo() const;
    bool can_redo() const;
    EditLabel undo_step() const;  // empty when there is nothing to undo
    EditLabel redo_step() const;
    std::string undo_label() const { return undo_step().msgid; }  // the untranslated msgid
    EditResult undo();
    EditResult redo();
    void clear_history();

    // Saves a copy to `target` and goes on in it (when this file is gone or
    // read-only): the copy is opened as this file was, with the same plugins'
    // schema trusted and the same advisory lock, so every plugin edits it as it
    // edited this one; the undo history and the revision stay, so views keep
    // what they show, text typed but not yet saved included.
    EditResult continue_in_copy(const std::filesystem::path& target);

    // Consistent snapshot through the backup API; never a file copy of an open database.
    EditResult save_copy(const std::filesystem::path& target);

    // Plugin schemas, kept per plugin id in the core table plugin_schema.
    int plugin_schema_version(std::string_view plugin_id);
    // Applies steps [current, steps.size()) each in its own transaction.
    // Returns an error message when the file is newer than the plugin. A file
    // opened read-only is upgraded in a private copy in memory instead: the file
    // is never written, and the plugin reads its tables as it knows them.
    std::string migrate_plugin(std::string_view plugin_id, const std::vector<std::string>& steps);

private:
    // Everything the workshop holds (the connection, the file's identity, the
    // undo history, ...) is behind one pointer, declared in the core
    // (storage/workshop_state.hpp): the class's size and layout are the same
    // whatever the core keeps, so a plugin never depends on them (ABI 12).
    struct State;
    struct Change;  // one undo step
    struct WalClaim;  // the -wal-owner record of this session (storage/wal_owner.hpp)
    Workshop(std::unique_ptr<Database> db, std::filesystem::path path, StorageKind storage);
    EditResult commit_edit(EditLabel label, const std::function<void(Database&)>& change, EditGroup group,
                           bool replay = false);
    EditResult apply_changeset(const Change& step, bool invert);
    void changed();
    void changed(const std::vector<unsigned char>& changeset);  // and remembers the rows it names
    void release_advisory_lock();
    void read_from_memory_copy();
    void let_go_of_wal(FileChange change);
    std::string trust(std::string_view plugin_id, const std::vector<std::string>& steps);
    void continue_in(Workshop& next);

    std::unique_ptr<State> state_;

    friend struct WorkshopOpener;
};

KARTLA_API const char* open_problem_key(OpenProblem problem);

}  // namespace kartla
