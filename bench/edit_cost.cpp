// Edit -> durable through Workshop::edit, as a plugin edits: prints the median
// of N one-field edits in milliseconds. Uses the SDK only, so that the same
// source builds against another tree's core too: scripts/bench-edit-cost.sh
// runs it built against two trees by turns (issue 27: the history's cost).
//
// Usage: edit_cost FILE [EDITS]
#include "kartla/workshop.hpp"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>
using namespace kartla;
int main(int argc, char** argv) {
    std::filesystem::path file = argv[1];
    int edits = argc > 2 ? std::atoi(argv[2]) : 300;
    std::filesystem::remove(file);
    auto created = Workshop::create(file);
    auto& w = *std::get<std::unique_ptr<Workshop>>(created);
    w.migrate_plugin("mbench", {"CREATE TABLE mbench_card(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '')"});
    w.edit("Add", [](Database& db) { for (int i = 0; i < 1000; ++i) db.run("INSERT INTO mbench_card(title) VALUES ('Kort')"); });
    std::vector<double> t;
    for (int i = 0; i < edits; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        w.edit("Rename card", [&](Database& db) { db.run("UPDATE mbench_card SET title = ? WHERE id = 1", "Klotter vid skolan " + std::to_string(i)); });
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(t.begin(), t.end());
    std::printf("%.3f\n", t[t.size() / 2]);
}
