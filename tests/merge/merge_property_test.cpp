// Merging as a property, through problem_map's own edit paths: from a common
// ancestor, random edit sequences in two copies merge to what applying both
// gives where they do not conflict; every conflict is reported once, and with
// the same key from either side; merging A into B and B into A give the same
// workshop once the same choices are made.
//
// Seeded: KARTLA_MERGE_SEED=<n> picks the first seed, KARTLA_MERGE_SEQUENCES=<n>
// the number of sequences (default 12, about 15 s on
// the project machine; scripts/merge-property.sh-style longer runs: set it). A failure names its seed.
#include "copies.hpp"
#include "storage/merge.hpp"

#include "model/edits.hpp"
#include "model/schema.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>

using namespace kartla;
using namespace kartla::problem_map;
using kartla::test::Copies;

namespace {

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::strtoull(value, nullptr, 10) : fallback;
}

const char* kWords[] = {"Klotter", "Skadegörelse", "Trygghet", "Belysning", "Åbyvägen", "Öppen förskola", "Torget"};

std::vector<Id> ids(Workshop& w, const std::string& table) {
    std::vector<Id> out;
    auto& s = w.db().prepare("SELECT id FROM " + table + " ORDER BY id").with();
    while (s.step()) out.push_back(s.int64(0));
    return out;
}

// One random edit through the plugin's own functions.
void random_edit(Workshop& w, std::mt19937_64& rng) {
    auto pick = [&](const std::vector<Id>& from) -> std::optional<Id> {
        if (from.empty()) return std::nullopt;
        return from[rng() % from.size()];
    };
    auto word = [&] { return std::string(kWords[rng() % std::size(kWords)]) + " " + std::to_string(rng() % 3); };
    auto cards = ids(w, "problem_map_card");
    auto causes = ids(w, "problem_map_cause");
    auto clusters = ids(w, "problem_map_cluster");
    switch (rng() % 11) {
        case 0: edits::create_card(w, float(rng() % 800), float(rng() % 600), word()); break;
        case 1: case 2:
            if (auto c = pick(cards)) edits::set_text(w, *c, edits::TextField::Title, word());
            break;
        case 3:
            if (auto c = pick(cards)) edits::set_number(w, *c, edits::NumberField::Severity, std::int64_t(rng() % 4));
            break;
        case 4:
            if (auto c = pick(cards)) edits::delete_cards(w, {*c});
            break;
        case 5:
            if (auto c = pick(cards)) edits::add_cause(w, *c, rng() % 2 ? pick(causes).value_or(0) : 0, word());
            break;
        case 6:
            if (auto c = pick(causes)) edits::set_cause_text(w, *c, word());
            break;
        case 7:
            if (auto c = pick(causes)) edits::delete_cause(w, *c);
            break;
        case 8: edits::create_cluster(w, word(), float(rng() % 500), float(rng() % 400), 300, 200); break;
        case 9:
            if (auto c = pick(clusters)) rng() % 2 ? edits::delete_cluster(w, *c) : edits::rename_cluster(w, *c, word());
            break;
        case 10:
            if (auto c = pick(cards)) edits::set_triangle(w, *c, edits::TriangleField::Place, word());
            break;
    }
}

// Rows by table and key (the first column), each the row's quoted values.
using Rows = std::map<std::string, std::string>;

Rows rows(Database& db) {
    Rows out;
    std::istringstream dump(kartla::test::content_dump(db));
    std::string line, table;
    while (std::getline(dump, line)) {
        if (line.rfind("## ", 0) == 0) table = line.substr(3);
        else out[table + "|" + line.substr(0, line.find('|'))] = line;
    }
    return out;
}

std::optional<std::string> at(const Rows& r, const std::string& key) {
    auto found = r.find(key);
    return found == r.end() ? std::nullopt : std::optional<std::string>(found->second);
}

// Merges `theirs` into `mine`, choosing `side` for every conflict as they are found.
merge::Outcome merge_choosing(Workshop& mine, Workshop& theirs, merge::Choice side, merge::Choices& made) {
    for (int round = 0; round < 8; ++round) {
        auto outcome = merge::merge(mine, theirs, made);
        if (!outcome.refusal.empty() || outcome.unchosen.empty()) return outcome;
        for (const auto& key : outcome.unchosen) made[key] = side;
    }
    FAIL("choices did not settle");
    return {};
}

// Whether the row refers, directly or through rows it refers to, to a row in `conflicted`
// ("table|id"): such a row follows the choice made about that row, as a deletion takes
// the rows that refer to it.
bool follows_conflicted(Workshop& a, Workshop& b, const std::string& table, const std::string& id,
                        const std::set<std::string>& conflicted, int depth = 0) {
    if (depth > 6) return false;
    std::vector<std::pair<std::string, std::string>> references;  // (column, parent table)
    {
        auto& keys = a.db().prepare("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)").with(table);
        while (keys.step()) references.emplace_back(keys.text(0), keys.text(1));
    }
    for (auto* w : {&a, &b})
        for (const auto& [column, parent] : references) {
            Statement value(w->db().handle(), "SELECT \"" + column + "\" FROM \"" + table + "\" WHERE id = " + id);
            if (!value.step() || value.is_null(0)) continue;
            auto parent_id = std::to_string(value.int64(0));
            if (conflicted.count(parent + "|" + parent_id) ||
                follows_conflicted(a, b, parent, parent_id, conflicted, depth + 1))
                return true;
        }
    return false;
}

merge::Choice other(merge::Choice c) { return c == merge::Choice::Mine ? merge::Choice::Theirs : merge::Choice::Mine; }

}  // namespace

TEST_CASE("random edits in two copies merge as applying both, conflicts reported once, either way round") {
    const auto first = env_number("KARTLA_MERGE_SEED", 1);
    const auto sequences = env_number("KARTLA_MERGE_SEQUENCES", 12);
    std::size_t conflicts_seen = 0, merged_rows_checked = 0;
    for (auto seed = first; seed < first + sequences; ++seed) {
        CAPTURE(seed);
        std::mt19937_64 rng(seed);
        Copies copies("problem_map", migrations());
        // A small board both copies then work on: a few cards, and whatever the random edits make.
        for (int i = 0; i < 4; ++i) edits::create_card(copies.base(), float(100 * i), 50, kWords[i]);
        for (int i = 0; i < 8; ++i) random_edit(copies.base(), rng);
        auto a = copies.copy("a.kartla");
        auto b = copies.copy("b.kartla");
        auto ancestor = rows(copies.base().db());
        for (auto n = rng() % 10 + 1; n > 0; --n) random_edit(*a, rng);
        for (auto n = rng() % 10 + 1; n > 0; --n) random_edit(*b, rng);
        auto rows_a = rows(a->db()), rows_b = rows(b->db());

        // Each conflict once, and the same places from either side.
        auto ab_found = merge::merge(*copies.copy_of(*a, "probe-ab.kartla"), *b, {});
        auto ba_found = merge::merge(*copies.copy_of(*b, "probe-ba.kartla"), *a, {});
        REQUIRE(ab_found.refusal == "");
        REQUIRE(ba_found.refusal == "");
        std::set<std::string> keys_ab, keys_ba;
        for (const auto& c : ab_found.conflicts) CHECK_MESSAGE(keys_ab.insert(c.key).second, "twice: " << c.key);
        for (const auto& c : ba_found.conflicts) keys_ba.insert(c.key);
        auto listed = [](const merge::Outcome& o) {
            std::string out;
            for (const auto& c : o.conflicts)
                out += c.key + " " + merge::kind_name(c.kind) + " mine=" + c.mine + " theirs=" + c.theirs + "\n";
            return out;
        };
        CHECK_MESSAGE(keys_ab == keys_ba, "A<-B:\n" << listed(ab_found) << "B<-A:\n" << listed(ba_found));
        conflicts_seen += keys_ab.size();

        for (auto side : {merge::Choice::Mine, merge::Choice::Theirs}) {
            CAPTURE(int(side));
            auto ab = copies.copy_of(*a, "ab.kartla");
            auto ba = copies.copy_of(*b, "ba.kartla");
            merge::Choices made_ab, made_ba;
            auto into_a = merge_choosing(*ab, *b, side, made_ab);
            REQUIRE(into_a.merged());
            // The same choices seen from B: the other side of each.
            for (const auto& [key, choice] : made_ab) made_ba[key] = other(choice);
            auto into_b = merge::merge(*ba, *a, made_ba);
            REQUIRE(into_b.merged());
            CHECK(kartla::test::content_dump(ab->db()) == kartla::test::content_dump(ba->db()));
            CHECK(ab->db().scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);

            // Where the copies do not conflict, the merge is both copies' edits applied.
            std::set<std::string> conflicted_rows, conflicted_tables;
            bool references = false;
            for (const auto& c : into_a.conflicts) {
                conflicted_rows.insert(c.table + "|" + c.row.substr(0, c.row.find(',')));
                if (c.kind == merge::ConflictKind::BothAdded) conflicted_tables.insert(c.table);
                // Keeping a row may bring back the row it refers to, which the other copy deleted.
                references = references || c.kind == merge::ConflictKind::MissingReference ||
                             c.kind == merge::ConflictKind::DeletedHere || c.kind == merge::ConflictKind::DeletedThere;
            }
            auto merged = rows(ab->db());
            std::set<std::string> all;
            for (const auto* r : {&ancestor, &rows_a, &rows_b, &merged})
                for (const auto& [key, row] : *r) all.insert(key);
            for (const auto& key : all) {
                auto r0 = at(ancestor, key), ra = at(rows_a, key), rb = at(rows_b, key);
                std::string id = key.substr(key.find('|') + 1);
                std::string table = key.substr(0, key.find('|'));
                if (conflicted_rows.count(table + "|" + id) || conflicted_tables.count(table)) continue;
                if (references && r0 && (!ra || !rb)) continue;  // a deleted row a choice may bring back
                std::optional<std::string> expected;
                if (ra == rb) expected = ra;
                else if (ra == r0) expected = rb;
                else if (rb == r0) expected = ra;
                else continue;  // changed differently in both: a conflict of one of its fields
                if (at(merged, key) != expected && follows_conflicted(*a, *b, table, id, conflicted_rows)) continue;
                CHECK_MESSAGE(at(merged, key) == expected, key);
                ++merged_rows_checked;
            }
        }
    }
    MESSAGE("conflicts: " << conflicts_seen << ", rows checked: " << merged_rows_checked);
    CHECK(conflicts_seen > 0);  // the sequences do meet
}
