// Merging (issue 27): two copies of a 50,000-card workshop, 1,000 edits apart
// each, merged: the other copy opened with every trust check, the conflicts
// found, then merged with a choice for each. The history's cost per edit is
// measured by scripts/bench-edit-cost.sh against another tree.
//
// Usage: kartla_merge_bench [DIR] [EDITS]   (DIR: a scratch folder, default /tmp)
#include "storage/merge.hpp"
#include "storage/other_copy.hpp"

#include "kartla/workshop.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <variant>
#include <vector>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kSchema = {
    "CREATE TABLE mbench_card(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', "
    "x REAL NOT NULL DEFAULT 0, y REAL NOT NULL DEFAULT 0);"
    "CREATE TABLE mbench_cause(id INTEGER PRIMARY KEY, card_id INTEGER NOT NULL REFERENCES mbench_card(id) "
    "ON DELETE CASCADE, text TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX mbench_cause_card ON mbench_cause(card_id)"};

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::unique_ptr<Workshop> must(OpenResult opened) {
    if (auto* e = std::get_if<OpenError>(&opened)) throw std::runtime_error(e->message);
    return std::move(std::get<std::unique_ptr<Workshop>>(opened));
}

SchemaCatalog catalog() { return SchemaCatalog{{{"mbench", kSchema}}}; }

void merge_cost(const fs::path& dir, int cards, int edits) {
    auto base = dir / "merge-bench-base.kartla", a = dir / "merge-bench-a.kartla", b = dir / "merge-bench-b.kartla";
    for (const auto& f : {base, a, b}) fs::remove(f);
    {
        auto w = must(Workshop::create(base));
        w->migrate_plugin("mbench", kSchema);
        w->edit("Add cards", [&](Database& db) {
            for (int i = 0; i < cards; ++i) {
                db.run("INSERT INTO mbench_card(id, title, x, y) VALUES (kartla_key(), ?, ?, ?)",
                       fmt::format("Problem {} på Åbyvägen", i), double(i % 300), double(i / 300));
                if (i % 5 == 0)
                    db.run("INSERT INTO mbench_cause(id, card_id, text) VALUES (kartla_key(), ?, 'Dålig belysning')",
                           db.last_insert_id());
            }
        });
        w->save_copy(a);
        w->save_copy(b);
    }
    std::vector<std::int64_t> ids;
    {
        Database db(base.string(), SQLITE_OPEN_READONLY);
        auto& s = db.prepare("SELECT id FROM mbench_card").with();
        while (s.step()) ids.push_back(s.int64(0));
    }
    auto diverge = [&](const fs::path& file, std::uint64_t seed) {
        auto w = must(Workshop::open(file, OpenMode::ReadWrite, false, catalog()));
        std::mt19937_64 rng(seed);
        for (int i = 0; i < edits; ++i) {
            auto card = ids[rng() % ids.size()];
            switch (i % 4) {
                case 0:
                    w->edit("Add card", [&](Database& db) {
                        db.run("INSERT INTO mbench_card(id, title) VALUES (kartla_key(), ?)", fmt::format("Nytt {}", i));
                    });
                    break;
                case 1:
                    w->edit("Add cause", [&](Database& db) {
                        db.run("INSERT INTO mbench_cause(id, card_id, text) VALUES (kartla_key(), ?, 'Orsak')", card);
                    });
                    break;
                default:
                    w->edit("Move card", [&](Database& db) {
                        db.run("UPDATE mbench_card SET x = ?, note = ? WHERE id = ?", double(rng() % 1000),
                               fmt::format("ändrad {}", seed), card);
                    });
            }
        }
    };
    diverge(a, 1);
    diverge(b, 2);
    auto mine = must(Workshop::open(a, OpenMode::ReadWrite, false, catalog()));
    double t0 = now_ms();
    auto opened = other_copy::open(b, *mine, catalog());
    if (auto* refused = std::get_if<std::string>(&opened)) throw std::runtime_error(*refused);
    double t1 = now_ms();
    auto& theirs = *std::get<std::unique_ptr<Workshop>>(opened);
    auto found = merge::merge(*mine, theirs, {});
    merge::Choices all;
    for (const auto& c : found.conflicts) all[c.key] = merge::Choice::Theirs;
    double t2 = now_ms();
    auto outcome = found.merged() ? std::move(found) : merge::merge(*mine, theirs, all);
    double t3 = now_ms();
    if (!outcome.merged()) throw std::runtime_error("not merged: " + outcome.refusal);
    fmt::print("merge of two {}-card copies, {} edits apart each: open the other copy {:.0f} ms, find {} conflict(s) "
               "{:.0f} ms, merge {} change(s) {:.0f} ms; open + merge {:.0f} ms\n",
               cards, edits, t1 - t0, outcome.conflicts.size(), t2 - t1, outcome.changes, t3 - t2,
               (t1 - t0) + (found.merged() ? t2 - t1 : t3 - t2));
    mine.reset();
    for (const auto& f : {base, a, b}) fs::remove(f);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path dir = argc > 1 ? argv[1] : "/tmp";
    int edits = argc > 2 ? std::atoi(argv[2]) : 1000;
    try {
        merge_cost(dir, 50'000, edits);
    } catch (const std::exception& e) {
        fmt::print(stderr, "merge bench: {}\n", e.what());
        return 1;
    }
}
