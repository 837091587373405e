// The check a copy's history passes before SQLite reads it (storage/changeset_check):
// SQLite 3.40 reads past a changeset whose key column holds NULL or nothing (its
// changegroup hashes the key unchecked), so such bytes from another copy are refused.
#include "storage/changeset_check.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kartla::storage::changeset_well_formed;

namespace {

// One table "t" of two columns, the first the key, and one change of `op` with `values`.
std::vector<unsigned char> changeset(unsigned char op, const std::vector<unsigned char>& values) {
    std::vector<unsigned char> bytes = {'T', 2, 1, 0, 't', 0, op, 0};
    bytes.insert(bytes.end(), values.begin(), values.end());
    return bytes;
}

const std::vector<unsigned char> kInteger5 = {1, 0, 0, 0, 0, 0, 0, 0, 5};
const std::vector<unsigned char> kNull = {5};
const std::vector<unsigned char> kUndefined = {0};

std::vector<unsigned char> operator+(std::vector<unsigned char> a, const std::vector<unsigned char>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("a changed row's key must hold a value: NULL or nothing in a key column is refused, elsewhere allowed") {
    CHECK(changeset_well_formed(changeset(18, kInteger5 + kNull)));   // INSERT, the key 5, the other column NULL
    CHECK_FALSE(changeset_well_formed(changeset(18, kNull + kInteger5)));       // INSERT with a NULL key
    CHECK_FALSE(changeset_well_formed(changeset(18, kUndefined + kInteger5)));  // INSERT with no key
    CHECK_FALSE(changeset_well_formed(changeset(9, kNull + kNull)));            // DELETE of a row without a key
    // UPDATE: the old image names the row by its key; the new one leaves the key undefined.
    CHECK(changeset_well_formed(changeset(23, kInteger5 + kNull + kUndefined + kInteger5)));
    CHECK_FALSE(changeset_well_formed(changeset(23, kUndefined + kNull + kUndefined + kInteger5)));
    // What the fuzzer found: a key flag on the second column, and NULL there.
    std::vector<unsigned char> found = {'T', 2, 1, 0x3a};
    for (char c : std::string("core_hrstory")) found.push_back(static_cast<unsigned char>(c));
    found.push_back(0);
    found.insert(found.end(), {18, 0, 1, 0, 0, 0, 0, 0, 0, 0, 5, 5});
    CHECK_FALSE(changeset_well_formed(found));
}
