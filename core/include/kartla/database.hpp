#pragma once
// A thin RAII wrapper over one SQLite connection. Every value is bound, never
// concatenated into SQL; statements are prepared once and cached by their text.
#include "kartla/api.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kartla {

class KARTLA_API SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const std::string& message);
    int code() const noexcept { return code_; }
    bool disk_full() const noexcept;
    bool busy() const noexcept;

private:
    int code_;
};

class Database;
namespace detail {
struct TextFilterAccess;  // core/src/storage/redacted_reading.hpp
}

class KARTLA_API Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind_null(int index);
    Statement& bind(int index, std::optional<std::int64_t> value);
    Statement& bind_blob(int index, const std::vector<unsigned char>& bytes);

    // Binds all arguments from position 1 on, after a reset.
    template <typename... Args>
    Statement& with(const Args&... args) {
        reset();
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    bool step();  // true while a row is available
    void run();   // steps to the end, for statements that return no rows
    void reset();

    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    bool is_null(int column) const;
    std::vector<unsigned char> blob(int column) const;
    int columns() const;

private:
    friend class Database;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    const Database* owner_ = nullptr;  // whose text filter text() applies (a redacted export)
};

class KARTLA_API Database {
public:
    // flags are SQLite open flags; the caller applies pragmas.
    Database(const std::string& uri_or_path, int flags);
    explicit Database(sqlite3* adopted);  // takes ownership
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const noexcept { return db_; }

    void exec(std::string_view sql);  // for fixed SQL only (schema, pragmas)
    Statement& prepare(std::string_view sql);  // cached; reset before use via with()

    // Convenience for single values.
    template <typename... Args>
    std::int64_t scalar_int(std::string_view sql, const Args&... args) {
        auto& s = prepare(sql).with(args...);
        std::int64_t v = s.step() ? s.int64(0) : 0;
        s.reset();
        return v;
    }
    template <typename... Args>
    std::string scalar_text(std::string_view sql, const Args&... args) {
        auto& s = prepare(sql).with(args...);
        std::string v = s.step() ? s.text(0) : std::string();
        s.reset();
        return v;
    }
    template <typename... Args>
    void run(std::string_view sql, const Args&... args) {
        prepare(sql).with(args...).run();
    }

    std::int64_t last_insert_id() const;
    int changes() const;
    bool in_transaction() const;
    void clear_statement_cache();

private:
    friend class Statement;
    friend struct detail::TextFilterAccess;
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
    // While set, every text read through this connection's statements passes it
    // (redacted reading): kept with the connection, so no plugin's read can pass by it.
    std::function<std::string(std::string)> text_filter_;
};

// Rolls back unless committed. BEGIN IMMEDIATE so a writer never upgrades a read lock mid-edit.
class KARTLA_API Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace kartla
