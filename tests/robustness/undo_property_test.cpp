// Undo and redo as properties: after any run of random edits, undoing the last
// k steps gives back exactly the workshop as it was k steps earlier, and redoing
// them gives back exactly the workshop before the undo. "Exactly" is a dump of
// every row of every table, with SQLite's quote() so types count too.
//
// Seeded and reproducible: KARTLA_UNDO_SEED=<n> picks the first seed,
// KARTLA_UNDO_SEQUENCES=<n> the number of sequences (default 1000). A failure
// prints the seed of its sequence; rerun with KARTLA_UNDO_SEED=<that seed> and
// KARTLA_UNDO_SEQUENCES=1.
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "content_dump.hpp"
#include "temp_dir.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace kartla;
using kartla::test::content_dump;

namespace {

// A plugin-like table set of a test plugin "rtest", created through the same
// migration path plugins take. Reals, blobs, NULLs, a self reference with
// SET NULL, a cascade and a composite key: the shapes real plugins use.
const std::vector<std::string> kPluginSchema = {
    "CREATE TABLE rtest_card(id INTEGER PRIMARY KEY, title TEXT NOT NULL, weight REAL, data BLOB, "
    "parent_id INTEGER REFERENCES rtest_card(id) ON DELETE SET NULL)",
    "CREATE TABLE rtest_vote(card_id INTEGER NOT NULL REFERENCES rtest_card(id) ON DELETE CASCADE, "
    "voter TEXT NOT NULL, points INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (card_id, voter))",
};

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::strtoull(value, nullptr, 10) : fallback;
}

// The first lines where two dumps differ, rather than two pages of rows.
std::string difference(const std::string& actual, const std::string& expected) {
    std::istringstream a(actual), e(expected);
    std::string line_a, line_e, table;
    for (int line = 1;; ++line) {
        bool more_a = bool(std::getline(a, line_a)), more_e = bool(std::getline(e, line_e));
        if (!more_a && !more_e) return "no difference";
        if (more_e && line_e.rfind("## ", 0) == 0) table = line_e;
        if (line_a != line_e || more_a != more_e)
            return "line " + std::to_string(line) + " (in " + table + "): got [" + (more_a ? line_a : "end") +
                   "] expected [" + (more_e ? line_e : "end") + "]";
    }
}

#define REQUIRE_SAME_DUMP(actual, expected, what)                 \
    do {                                                          \
        const std::string actual_dump = (actual);                 \
        const std::string& expected_dump = (expected);            \
        REQUIRE_MESSAGE(actual_dump == expected_dump, what << ": " << difference(actual_dump, expected_dump)); \
    } while (false)

class EditGenerator {
public:
    explicit EditGenerator(std::uint64_t seed) : random_(seed) {}

    // One edit: one to three random changes; sometimes it throws at the end.
    std::function<void(Database&)> next(bool& will_throw) {
        int changes = 1 + int(random_() % 3);
        std::vector<std::uint64_t> choices;
        for (int i = 0; i < changes; ++i) choices.push_back(random_());
        will_throw = random_() % 25 == 0;
        bool throws = will_throw;
        return [this, choices, throws](Database& db) {
            for (auto choice : choices) change(db, choice);
            if (throws) throw std::runtime_error("this edit fails on purpose");
        };
    }

private:
    // Within one change: drawn from local_, seeded by the change's recorded choice.
    std::uint64_t below(std::uint64_t n) { return local_() % n; }

    std::string text() {
        static const char* parts[] = {"Älvstad", "Östra Höjden", "Stationsområdet", "trygghet", "é", "🙂", "\"citat\"",
                                      "'apos'", ";", ",", "\n", " ", "Brå", "kommunpolis", "åäö ÅÄÖ", ""};
        std::string out;
        auto count = below(8) == 0 ? 40 + below(400) : below(6);
        for (std::uint64_t i = 0; i < count; ++i) out += parts[below(std::size(parts))];
        return out;
    }

    std::string blob() {
        std::string out(below(64), '\0');
        for (auto& c : out) c = char(below(256));
        return out;
    }

    std::int64_t pick(Database& db, const char* table) {
        auto count = db.scalar_int(std::string("SELECT count(*) FROM ") + table);
        if (count == 0) return 0;
        return db.scalar_int(std::string("SELECT id FROM ") + table + " ORDER BY id LIMIT 1 OFFSET ?",
                             std::int64_t(below(std::uint64_t(count))));
    }

    void change(Database& db, std::uint64_t choice) {
        local_.seed(choice);
        switch (below(18)) {
            case 0: core_data::set_meta(db, core_data::kMetaKeys[below(core_data::kMetaKeys.size())], text()); break;
            case 1: db.run("DELETE FROM core_meta WHERE key = ?", core_data::kMetaKeys[below(6)]); break;
            case 2: core_data::add_participant(db, text(), text()); break;
            case 3:
                if (auto id = pick(db, "core_participant")) core_data::update_participant(db, {id, text(), text()});
                break;
            case 4:
                if (auto id = pick(db, "core_participant")) core_data::remove_participant(db, id);  // cascades attendance
                break;
            case 5: core_data::add_meeting(db, {0, below(2) ? "mapping" : "follow_up", text(), "2026-03-12", text(), text()}); break;
            case 6:
                if (auto id = pick(db, "core_meeting"))
                    core_data::update_meeting(db, {id, below(2) ? "mapping" : "follow_up", text(), "2026-04-01", text(), text()});
                break;
            case 7:
                if (auto id = pick(db, "core_meeting")) core_data::remove_meeting(db, id);
                break;
            case 8: {
                auto meeting = pick(db, "core_meeting"), participant = pick(db, "core_participant");
                if (meeting && participant)
                    db.run("INSERT OR IGNORE INTO core_attendance(meeting_id, participant_id) VALUES (?, ?)", meeting,
                           participant);
                break;
            }
            case 9:
                db.run("DELETE FROM core_attendance WHERE meeting_id = ?", pick(db, "core_meeting"));
                break;
            case 10: {
                auto participant = pick(db, "core_participant");
                db.run("DELETE FROM core_attendance WHERE participant_id = ?", participant);
                break;
            }
            case 11: {
                static const char* kinds[] = {"problem", "cause", "actor", "measure"};
                static const char* roles[] = {"owns", "contributes", "affected", "addresses", "owner"};
                core_data::add_link(db, {kinds[below(4)], std::int64_t(1 + below(12))},
                                    {kinds[below(4)], std::int64_t(1 + below(12))}, roles[below(5)]);
                break;
            }
            case 12:
                if (auto id = pick(db, "core_link")) db.run("DELETE FROM core_link WHERE id = ?", id);
                break;
            case 13: core_data::remove_links_of(db, {"problem", std::int64_t(1 + below(12))}); break;
            case 14: {
                auto parent = pick(db, "rtest_card");
                std::optional<std::int64_t> parent_id;
                if (parent && below(2)) parent_id = parent;
                auto& s = db.prepare(
                    "INSERT INTO rtest_card(title, weight, data, parent_id) VALUES (?, ?, CAST(? AS BLOB), ?)");
                s.with(text(), double(below(100000)) / 7.0, blob(), parent_id);
                if (below(4) == 0) s.bind_null(2);
                s.run();
                break;
            }
            case 15:
                if (auto id = pick(db, "rtest_card"))
                    db.run("UPDATE rtest_card SET title = ?, weight = weight * 1.5, data = CAST(? AS BLOB) WHERE id = ?", text(), blob(), id);
                break;
            case 16:
                if (auto id = pick(db, "rtest_card")) db.run("DELETE FROM rtest_card WHERE id = ?", id);  // SET NULL + CASCADE
                break;
            case 17:
                if (auto id = pick(db, "rtest_card"))
                    db.run("INSERT INTO rtest_vote(card_id, voter, points) VALUES (?, ?, ?) "
                           "ON CONFLICT(card_id, voter) DO UPDATE SET points = points + 1",
                           id, below(2) ? "Polisen" : "Socialtjänsten", std::int64_t(1 + below(5)));
                break;
        }
    }

    std::mt19937_64 random_;  // the shape of the sequence
    std::mt19937_64 local_;   // the details of one change
};

struct Sequence {
    std::unique_ptr<Workshop> workshop;
    EditGenerator edits;
    int label_counter = 0;

    // Applies one random edit; returns true when it became an undo step.
    bool edit() {
        bool will_throw = false;
        auto change = edits.next(will_throw);
        std::string label = "edit " + std::to_string(++label_counter);
        std::string before = will_throw ? content_dump(workshop->db()) : std::string();
        auto result = workshop->edit(label, change);
        if (will_throw) {
            // A failed edit leaves no trace at all.
            REQUIRE_FALSE(result.ok);
            REQUIRE_SAME_DUMP(content_dump(workshop->db()), before, "after a failed edit");
            REQUIRE(workshop->undo_label() != label);
            return false;
        }
        REQUIRE_MESSAGE(result.ok, result.message);
        return workshop->undo_label() == label;
    }
};

std::unique_ptr<Workshop> fresh_workshop(const std::filesystem::path& file) {
    std::unique_ptr<Workshop> workshop;
    if (file.empty()) {
        workshop = Workshop::in_memory();
    } else {
        auto created = Workshop::create(file);
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
        workshop = std::move(std::get<std::unique_ptr<Workshop>>(created));
        workshop->db().exec("PRAGMA synchronous = OFF");  // durability is the crash test's subject, not this one's
    }
    REQUIRE(workshop->migrate_plugin("rtest", kPluginSchema).empty());
    return workshop;
}

// One sequence: `before` edits, then `after` edits; undo all undo steps of
// `after`, compare, redo them, compare. With `every_step`, each intermediate
// state is compared too.
void run_sequence(std::uint64_t seed, const std::filesystem::path& file, bool every_step) {
    std::mt19937_64 shape(seed);
    int total = 100 + int(shape() % 201);  // hundreds of edits
    int after = 1 + int(shape() % std::uint64_t(total));
    Sequence s{fresh_workshop(file), EditGenerator(seed * 0x9E3779B97F4A7C15ULL + 1)};
    for (int i = 0; i < total - after; ++i) s.edit();

    std::vector<std::string> states{content_dump(s.workshop->db())};
    int steps = 0;
    for (int i = 0; i < after; ++i)
        if (s.edit()) {
            ++steps;
            if (every_step) states.push_back(content_dump(s.workshop->db()));
        }
    std::string newest = content_dump(s.workshop->db());
    if (!every_step) states.push_back(newest);

    for (int i = steps; i > 0; --i) {
        auto undone = s.workshop->undo();
        REQUIRE_MESSAGE(undone.ok, "undo " << (steps - i + 1) << " of " << steps << ": " << undone.message);
        if (every_step) REQUIRE_SAME_DUMP(content_dump(s.workshop->db()), states[std::size_t(i - 1)], "after undo " << (steps - i + 1));
    }
    REQUIRE_SAME_DUMP(content_dump(s.workshop->db()), states.front(), "after undoing " << steps << " steps");
    for (int i = 1; i <= steps; ++i) {
        auto redone = s.workshop->redo();
        REQUIRE_MESSAGE(redone.ok, "redo " << i << " of " << steps << ": " << redone.message);
        if (every_step) REQUIRE_SAME_DUMP(content_dump(s.workshop->db()), states[std::size_t(i)], "after redo " << i);
    }
    REQUIRE_FALSE(s.workshop->can_redo());
    REQUIRE_SAME_DUMP(content_dump(s.workshop->db()), newest, "after redoing " << steps << " steps");
    REQUIRE(s.workshop->db().scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);
    REQUIRE(s.workshop->db().scalar_text("PRAGMA integrity_check") == "ok");

    // A new edit after undo drops what could have been redone.
    if (steps > 0) {
        REQUIRE(s.workshop->undo().ok);
        REQUIRE(s.workshop->can_redo());
        while (!s.edit()) {
        }
        REQUIRE_FALSE(s.workshop->can_redo());
    }
}

}  // namespace

TEST_CASE("undo k then redo k restores every table exactly, over random edit sequences") {
    auto first_seed = env_number("KARTLA_UNDO_SEED", 20260312);
    auto sequences = env_number("KARTLA_UNDO_SEQUENCES", 1000);
    kartla::test::TempDir dir;
    auto started = std::chrono::steady_clock::now();
    for (std::uint64_t i = 0; i < sequences; ++i) {
        std::uint64_t seed = first_seed + i;
        // Most in memory; every 100th on a real file (WAL) and checked at every step.
        bool on_file = i % 100 == 99;
        INFO("sequence seed " << seed << " (rerun: KARTLA_UNDO_SEED=" << seed << " KARTLA_UNDO_SEQUENCES=1)");
        run_sequence(seed, on_file ? dir / ("seq-" + std::to_string(seed) + ".kartla") : std::filesystem::path(),
                     on_file || i % 50 == 0);
    }
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(sequences << " sequences in " << seconds << " s");
}

TEST_CASE("the dump sees every kind of difference") {
    auto workshop = Workshop::in_memory();
    REQUIRE(workshop->migrate_plugin("rtest", kPluginSchema).empty());
    auto before = content_dump(workshop->db());
    REQUIRE(workshop->edit("x", [](Database& db) { db.run("INSERT INTO rtest_card(title, data) VALUES ('1', 1.0)"); }));
    auto with_real = content_dump(workshop->db());
    CHECK(with_real != before);
    // The BLOB column has no affinity, so 1 stays an integer and 1.0 a real.
    REQUIRE(workshop->edit("y", [](Database& db) { db.run("UPDATE rtest_card SET data = 1"); }));
    CHECK(content_dump(workshop->db()) != with_real);
    REQUIRE(workshop->undo().ok);
    CHECK(content_dump(workshop->db()) == with_real);
}

// Found by the random sequences: deletes that fire foreign-key actions
// (ON DELETE CASCADE / SET NULL) could be undone but not redone.
TEST_CASE("redo of a delete that cascades: a participant who attended a meeting") {
    auto workshop = Workshop::in_memory();
    std::int64_t participant = 0;
    REQUIRE(workshop->edit("setup", [&](Database& db) {
        auto meeting = core_data::add_meeting(db, {0, "mapping", "Kartläggningsmöte", "2026-03-12", "", ""});
        participant = core_data::add_participant(db, "Kommunpolis", "Polisen");
        db.run("INSERT INTO core_attendance(meeting_id, participant_id) VALUES (?, ?)", meeting, participant);
    }));
    auto before = content_dump(workshop->db());
    REQUIRE(workshop->edit("remove", [&](Database& db) { core_data::remove_participant(db, participant); }));
    auto after = content_dump(workshop->db());
    CHECK(workshop->db().scalar_int("SELECT count(*) FROM core_attendance") == 0);
    REQUIRE(workshop->undo().ok);
    REQUIRE_SAME_DUMP(content_dump(workshop->db()), before, "after undo");
    auto redone = workshop->redo();
    REQUIRE_MESSAGE(redone.ok, redone.message);
    REQUIRE_SAME_DUMP(content_dump(workshop->db()), after, "after redo");
}

TEST_CASE("redo of a delete that sets children's references to NULL") {
    auto workshop = Workshop::in_memory();
    REQUIRE(workshop->migrate_plugin("rtest", kPluginSchema).empty());
    REQUIRE(workshop->edit("setup", [](Database& db) {
        db.run("INSERT INTO rtest_card(id, title) VALUES (1, 'Förälder')");
        db.run("INSERT INTO rtest_card(id, title, parent_id) VALUES (2, 'Barn', 1)");
        db.run("INSERT INTO rtest_vote(card_id, voter) VALUES (1, 'Polisen')");
    }));
    auto before = content_dump(workshop->db());
    REQUIRE(workshop->edit("remove", [](Database& db) { db.run("DELETE FROM rtest_card WHERE id = 1"); }));
    auto after = content_dump(workshop->db());
    REQUIRE(workshop->undo().ok);
    REQUIRE_SAME_DUMP(content_dump(workshop->db()), before, "after undo");
    auto redone = workshop->redo();
    REQUIRE_MESSAGE(redone.ok, redone.message);
    REQUIRE_SAME_DUMP(content_dump(workshop->db()), after, "after redo");
}

// Triggers are off on every connection (a workshop file's trigger would be a
// stranger's code), so even one from a plugin's own migration never runs, and
// undo and redo replay exactly the rows the edit changed.
TEST_CASE("a trigger from a plugin's migration never runs, and undo and redo replay only the edit") {
    auto workshop = Workshop::in_memory();
    REQUIRE(workshop->migrate_plugin("rtrig", {"CREATE TABLE rtrig_item(id INTEGER PRIMARY KEY, label TEXT NOT NULL);"
                                               "CREATE TABLE rtrig_log(id INTEGER PRIMARY KEY, item_id INTEGER, what TEXT);"
                                               "CREATE TRIGGER rtrig_logged AFTER INSERT ON rtrig_item BEGIN "
                                               "INSERT INTO rtrig_log(item_id, what) VALUES (new.id, 'added'); END;"})
                .empty());
    REQUIRE(workshop->edit("add", [](Database& db) { db.run("INSERT INTO rtrig_item(label) VALUES ('Östra Höjden')"); }));
    auto after = content_dump(workshop->db());
    CHECK(workshop->db().scalar_int("SELECT count(*) FROM rtrig_log") == 0);
    REQUIRE(workshop->undo().ok);
    CHECK(workshop->db().scalar_int("SELECT count(*) FROM rtrig_item") == 0);
    auto redone = workshop->redo();
    REQUIRE_MESSAGE(redone.ok, redone.message);
    REQUIRE_SAME_DUMP(content_dump(workshop->db()), after, "after redo");
    // Still off for the next edit, and the foreign keys back on after the replay.
    REQUIRE(workshop->edit("add", [](Database& db) { db.run("INSERT INTO rtrig_item(label) VALUES ('Centrum')"); }));
    CHECK(workshop->db().scalar_int("SELECT count(*) FROM rtrig_log") == 0);
    CHECK(workshop->db().scalar_int("PRAGMA foreign_keys") == 1);
}

TEST_CASE("a broken reference the file already had does not block undo and redo") {
    auto workshop = Workshop::in_memory();
    workshop->db().exec("PRAGMA foreign_keys = OFF");
    workshop->db().exec("INSERT INTO core_attendance(meeting_id, participant_id) VALUES (77, 78)");  // from elsewhere
    workshop->db().exec("PRAGMA foreign_keys = ON");
    REQUIRE(workshop->edit("add", [](Database& db) { core_data::add_participant(db, "Rektor", "Höjdenskolan"); }));
    CHECK(workshop->undo().ok);
    CHECK(workshop->redo().ok);
    CHECK(core_data::participants(workshop->db()).size() == 1);
}

// Undo checks only the references its change touches (issue 15); it must still
// refuse a step that would leave one pointing at a missing row, and change nothing.
TEST_CASE("an undo that would leave a reference to a missing row is refused and changes nothing") {
    auto workshop = Workshop::in_memory();
    REQUIRE(workshop->migrate_plugin("rtest", kPluginSchema).empty());
    REQUIRE(workshop->edit("add", [](Database& db) { db.run("INSERT INTO rtest_card(id, title) VALUES (1, 'Älvkajen')"); }));
    // A row the history does not know points at the card (written outside any edit).
    workshop->db().run("INSERT INTO rtest_vote(card_id, voter) VALUES (1, 'Räddningstjänsten')");
    auto before = content_dump(workshop->db());
    auto undone = workshop->undo();
    CHECK_FALSE(undone.ok);
    CHECK(undone.message.find("missing rows") != std::string::npos);
    REQUIRE_SAME_DUMP(content_dump(workshop->db()), before, "after the refused undo");
    CHECK(workshop->can_undo());
    CHECK(workshop->db().scalar_int("PRAGMA foreign_keys") == 1);
}

TEST_CASE("a redo that would write a reference to a missing row is refused and changes nothing") {
    auto workshop = Workshop::in_memory();
    REQUIRE(workshop->migrate_plugin("rtest", kPluginSchema).empty());
    REQUIRE(workshop->edit("parent", [](Database& db) { db.run("INSERT INTO rtest_card(id, title) VALUES (1, 'Förälder')"); }));
    REQUIRE(workshop->edit("child", [](Database& db) {
        db.run("INSERT INTO rtest_card(id, title, parent_id) VALUES (2, 'Barn', 1)");
        db.run("INSERT INTO rtest_vote(card_id, voter) VALUES (1, 'Polisen')");
    }));
    REQUIRE(workshop->undo().ok);
    // The parent goes outside the history; redoing the child would point at nothing.
    workshop->db().run("DELETE FROM rtest_card WHERE id = 1");
    auto before = content_dump(workshop->db());
    CHECK_FALSE(workshop->redo().ok);
    REQUIRE_SAME_DUMP(content_dump(workshop->db()), before, "after the refused redo");
}
