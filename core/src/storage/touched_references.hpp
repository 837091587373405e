#pragma once
// The foreign-key references an undo or redo can break: those of the rows the
// changeset writes, and those pointing at keys it removes. Counting only these
// keeps undo proportional to the change instead of to the file
// (pragma_foreign_key_check reads every row of every table).
#include "kartla/database.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct sqlite3_value;

namespace kartla {

class TouchedReferences {
public:
    TouchedReferences(Database& db, const unsigned char* changeset, int size);
    ~TouchedReferences();
    TouchedReferences(const TouchedReferences&) = delete;
    TouchedReferences& operator=(const TouchedReferences&) = delete;

    // How many of the touched references point at a row that does not exist.
    // Compare a count before the change with one after: a file from elsewhere may
    // already hold broken references, and those must not block undo.
    std::int64_t broken();

private:
    struct ValueFree {
        void operator()(sqlite3_value* v) const;
    };
    using Value = std::unique_ptr<sqlite3_value, ValueFree>;
    struct Probe {
        std::size_t query;          // into queries_
        std::vector<Value> values;  // bound as ?1, ?2, ...
    };
    void add_probe(const std::string& sql, std::vector<Value> values);

    Database& db_;
    bool whole_file_ = false;  // too many rows touched: count the whole file, as before
    std::vector<std::string> queries_;
    std::vector<Probe> probes_;
};

}  // namespace kartla
