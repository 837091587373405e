#include "kartla/database.hpp"

#include "storage/row_keys.hpp"


#include <sqlite3.h>


namespace kartla {

namespace {
[[noreturn]] void fail(sqlite3* db, int code) {
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw SqliteError(code, message ? message : sqlite3_errstr(code));
}
}  // namespace

SqliteError::SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}

bool SqliteError::disk_full() const noexcept {
    int primary = code_ & 0xff;
    return primary == SQLITE_FULL || primary == SQLITE_IOERR;
}

bool SqliteError::busy() const noexcept {
    int primary = code_ & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                                nullptr);
    if (rc != SQLITE_OK) fail(db_, rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) fail(db_, rc);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) fail(db_, rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // An empty string_view may carry a null pointer, which SQLite would store as NULL, not ''.
    const char* data = text.data() ? text.data() : "";
    int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(db_, rc);
    return *this;
}

Statement& Statement::bind_null(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) fail(db_, rc);
    return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_blob(int index, const std::vector<unsigned char>& bytes) {
    // An empty vector is an empty blob, not NULL.
    static const unsigned char nothing = 0;
    int rc = sqlite3_bind_blob64(stmt_, index, bytes.empty() ? &nothing : bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_, rc);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    // Reset at the end so a cached statement never holds a read transaction open.
    sqlite3_reset(stmt_);
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::vector<unsigned char> Statement::blob(int column) const {
    auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::vector<unsigned char>(data, data + size) : std::vector<unsigned char>();
}

int Statement::columns() const { return sqlite3_column_count(stmt_); }

std::string Statement::text(int column) const {
    auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    int size = sqlite3_column_bytes(stmt_, column);
    std::string text = data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
    if (owner_ && owner_->text_filter_) return owner_->text_filter_(std::move(text));
    return text;
}

Database::Database(const std::string& uri_or_path, int flags) {
    int rc = sqlite3_open_v2(uri_or_path.c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw SqliteError(rc, message);
    }
    sqlite3_extended_result_codes(db_, 1);
    row_keys::register_function(db_);
}

Database::Database(sqlite3* adopted) : db_(adopted) {
    sqlite3_extended_result_codes(db_, 1);
    row_keys::register_function(db_);
}

Database::~Database() {
    cache_.clear();
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
    std::string owned(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError(sqlite3_extended_errcode(db_), message);
    }
}

Statement& Database::prepare(std::string_view sql) {
    std::string key(sql);
    auto found = cache_.find(key);
    if (found != cache_.end()) return *found->second;
    auto statement = std::make_unique<Statement>(db_, sql);
    statement->owner_ = this;
    auto& ref = *statement;
    cache_.emplace(std::move(key), std::move(statement));
    return ref;
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
void Database::clear_statement_cache() { cache_.clear(); }

// BEGIN and COMMIT as cached statements: parsed once, not on every edit.
Transaction::Transaction(Database& db) : db_(db) { db_.prepare("BEGIN IMMEDIATE").with().run(); }

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // A failed rollback means SQLite already rolled back (e.g. after SQLITE_FULL).
    }
}

void Transaction::commit() {
    db_.prepare("COMMIT").with().run();
    done_ = true;
}

}  // namespace kartla
