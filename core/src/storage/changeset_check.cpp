#include "storage/changeset_check.hpp"

#include <cstddef>
#include <cstdint>

namespace kartla::storage {

namespace {

// The changeset format (sqlite.org/sessionintro, "Changeset format"): per table a
// header 'T' nCol(varint) pk-flags[nCol] name NUL; then records op(INSERT 18,
// UPDATE 23, DELETE 9) indirect(0/1) and nCol values (both images for UPDATE), each
// a type byte: 0 undefined, 1 integer and 2 real (8 bytes), 3 text and 4 blob
// (varint length, bytes), 5 NULL.
class Reader {
public:
    explicit Reader(const std::vector<unsigned char>& bytes) : bytes_(bytes) {}
    bool done() const { return at_ == bytes_.size(); }
    bool byte(unsigned& out) {
        if (at_ >= bytes_.size()) return false;
        out = bytes_[at_++];
        return true;
    }
    bool varint(std::uint64_t& out) {  // SQLite's: up to 9 bytes, 7 bits each but the ninth's 8
        out = 0;
        for (int i = 0; i < 9; ++i) {
            unsigned b = 0;
            if (!byte(b)) return false;
            if (i == 8) {
                out = (out << 8) | b;
                return true;
            }
            out = (out << 7) | (b & 0x7f);
            if (!(b & 0x80)) return true;
        }
        return true;
    }
    bool skip(std::uint64_t n) {
        if (n > bytes_.size() - at_) return false;
        at_ += std::size_t(n);
        return true;
    }
    bool name() {  // NUL-terminated, within the bytes
        for (unsigned b = 1; b != 0;)
            if (!byte(b)) return false;
        return true;
    }

private:
    const std::vector<unsigned char>& bytes_;
    std::size_t at_ = 0;
};

// `key`: a primary-key column of the row's identifying image. SQLite never records a
// row without its whole key, and its changegroup hashes the key's values unchecked:
// a NULL or undefined one there reads past the changeset (SQLite 3.40).
bool value(Reader& in, bool key) {
    unsigned type = 0;
    if (!in.byte(type)) return false;
    if (key && (type == 0 || type == 5)) return false;
    std::uint64_t length = 0;
    switch (type) {
    case 0:
    case 5: return true;
    case 1:
    case 2: return in.skip(8);
    case 3:
    case 4: return in.varint(length) && in.skip(length);
    default: return false;
    }
}

// One change: INSERT's new image, DELETE's old one, UPDATE's old then new; the
// first image identifies the row by its key.
bool record(Reader& in, unsigned op, const std::vector<bool>& key) {
    unsigned indirect = 0;
    if (!in.byte(indirect) || indirect > 1) return false;
    const std::size_t columns = key.size();
    const std::size_t values = op == 23 ? 2 * columns : columns;
    for (std::size_t i = 0; i < values; ++i)
        if (!value(in, i < columns && key[i])) return false;
    return true;
}

}  // namespace

bool changeset_well_formed(const std::vector<unsigned char>& bytes) {
    Reader in(bytes);
    std::vector<bool> key;  // the current table's key columns; empty: no table header yet
    while (!in.done()) {
        unsigned op = 0;
        in.byte(op);
        if (op == 'T') {
            std::uint64_t columns = 0;
            if (!in.varint(columns) || columns == 0 || columns > 32767) return false;  // SQLite's column limit
            key.assign(std::size_t(columns), false);
            for (std::size_t i = 0; i < key.size(); ++i) {
                unsigned pk = 0;
                if (!in.byte(pk)) return false;
                key[i] = pk != 0;
            }
            if (!in.name()) return false;
        } else if (op == 18 || op == 23 || op == 9) {
            if (key.empty() || !record(in, op, key)) return false;
        } else {
            return false;  // a patchset ('P') or anything else is not what kartla writes
        }
    }
    return true;
}

}  // namespace kartla::storage
