// Arbitrary bytes as the other copy of a merge. The first byte chooses how:
// even, the rest is the other copy's whole file; odd, the other copy is a real
// copy of this workshop whose history gets the rest as changesets of edits it
// "made" (split at each "\n--\n"), the part a hostile copy would forge. The
// merge must answer, never crash; refused or left with conflicts it must leave
// this copy exactly as it was; merged, this copy's references are whole and the
// merge is one undo step that gives back the copy as it was.
#include "fuzz_bodies.hpp"
#include "kartla/workshop.hpp"
#include "scratch_dir.hpp"
#include "storage/merge.hpp"
#include "storage/other_copy.hpp"

#include <filesystem>
#include <fstream>
#include <string_view>

namespace kartla::fuzz {

namespace {

namespace fs = std::filesystem;
constexpr const char* kTarget = "merge_copies";

const std::vector<std::string> kSchema = {
    "CREATE TABLE mfuzz_cluster(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE mfuzz_card(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '' CHECK (length(title) < 200), "
    "  cluster_id INTEGER REFERENCES mfuzz_cluster(id) ON DELETE SET NULL, UNIQUE (title, cluster_id));"
    "CREATE TABLE mfuzz_vote(card_id INTEGER NOT NULL REFERENCES mfuzz_card(id) ON DELETE CASCADE, "
    "  who TEXT NOT NULL, PRIMARY KEY (card_id, who)) WITHOUT ROWID",
};

SchemaCatalog catalog() { return SchemaCatalog{{{"mfuzz", kSchema}}}; }

void remove_file_set(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".part", "-wal-owner"}) fs::remove(file.string() + suffix, ec);
}

std::unique_ptr<Workshop> open_or_fail(const fs::path& file) {
    auto opened = Workshop::open(file, OpenMode::ReadWrite, false, catalog());
    if (auto* e = std::get_if<OpenError>(&opened)) fail(kTarget, "a copy of the base did not open: " + e->message);
    return std::move(std::get<std::unique_ptr<Workshop>>(opened));
}

// The shared start: a few clusters, cards and votes.
void make_base(const fs::path& file) {
    remove_file_set(file);
    auto created = Workshop::create(file);
    auto& w = *std::get<std::unique_ptr<Workshop>>(created);
    w.migrate_plugin("mfuzz", kSchema);
    w.edit("Start", [](Database& db) {
        db.run("INSERT INTO mfuzz_cluster(id, name) VALUES (1, 'Centrum'), (2, 'Åby')");
        db.run("INSERT INTO mfuzz_card(id, title, cluster_id) VALUES (10, 'Klotter', 1), (11, 'Ljus', 2), (12, 'Öde', NULL)");
        db.run("INSERT INTO mfuzz_vote(card_id, who) VALUES (10, 'Polis'), (11, 'Skola')");
    });
}

std::string content(Database& db) {
    std::string out;
    for (const char* sql : {"SELECT group_concat(quote(id) || quote(name), ';') FROM mfuzz_cluster",
                            "SELECT group_concat(quote(id) || quote(title) || quote(cluster_id), ';') FROM mfuzz_card",
                            "SELECT group_concat(quote(card_id) || quote(who), ';') FROM mfuzz_vote"})
        out += db.scalar_text(sql) + "\n";
    return out;
}

void write_other(const fs::path& base, const fs::path& other, std::string_view rest, bool whole_file) {
    remove_file_set(other);
    if (whole_file) {
        std::ofstream(other, std::ios::binary).write(rest.data(), std::streamsize(rest.size()));
        return;
    }
    fs::copy_file(base, other);
    auto w = open_or_fail(other);
    auto parent = w->db().scalar_int("SELECT id FROM core_history ORDER BY seq DESC LIMIT 1");
    std::size_t at = 0;
    for (int n = 0; at <= rest.size() && n < 16; ++n) {
        auto end = rest.find("\n--\n", at);
        auto piece = rest.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        std::vector<unsigned char> bytes(piece.begin(), piece.end());
        w->db().prepare("INSERT INTO core_history(id, parent, kind, component, label, changeset) "
                        "VALUES (?, ?, 'edit', 'mfuzz', 'Forged', ?)")
            .with(std::int64_t(1000 + n), parent)
            .bind_blob(3, bytes)
            .run();
        parent = 1000 + n;
        if (end == std::string_view::npos) break;
        at = end + 4;
    }
}

}  // namespace

int merge_copies(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& dir = scratch_dir();
    auto base = dir / "merge-base.kartla", mine_file = dir / "merge-mine.kartla", other = dir / "merge-other.kartla";
    if (!fs::exists(base)) make_base(base);
    remove_file_set(mine_file);
    fs::copy_file(base, mine_file);
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    write_other(base, other, rest, data[0] % 2 == 0);

    auto mine = open_or_fail(mine_file);
    auto before = content(mine->db());
    auto opened = other_copy::open(other, *mine, catalog());
    if (auto* theirs = std::get_if<std::unique_ptr<Workshop>>(&opened)) {
        merge::Choices none;
        auto outcome = merge::merge(*mine, **theirs, none);
        if (!outcome.merged()) {
            if (content(mine->db()) != before) fail(kTarget, "a refused or unfinished merge changed this copy");
            // Every conflict chosen one way: the merge goes through or is refused, and never breaks a reference.
            merge::Choices all;
            for (const auto& c : outcome.conflicts) all[c.key] = c.key.size() % 2 ? merge::Choice::Mine : merge::Choice::Theirs;
            if (outcome.refusal.empty()) outcome = merge::merge(*mine, **theirs, all);
        }
        if (mine->db().scalar_int("SELECT count(*) FROM pragma_foreign_key_check") != 0)
            fail(kTarget, "the merge left a reference to a missing row");
        if (outcome.merged() && mine->can_undo() && mine->undo_step().msgid == "Merge another copy") {
            if (!mine->undo()) fail(kTarget, "the merge could not be undone");
            if (content(mine->db()) != before) fail(kTarget, "undoing the merge did not give back the copy");
        }
    }
    mine.reset();
    remove_file_set(mine_file);
    remove_file_set(other);
    return 0;
}

}  // namespace kartla::fuzz
