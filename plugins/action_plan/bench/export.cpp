// Prints the time to export an action plan of 2,000 measures in each format.
// Not a test: a program whose figures go into plugins/action_plan/BENCHMARKS.md.
#include "../model/export/exporters.hpp"
#include "../model/edits.hpp"
#include "../model/measure.hpp"
#include "../model/schema.hpp"

#include "kartla/core_data.hpp"
#include "storage/core_data_edits.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace kartla::action_plan;

namespace {

constexpr int kMeasures = 2000;
constexpr int kRuns = 5;

std::vector<kartla::Entity> entities(std::string_view kind) {
    std::vector<kartla::Entity> out;
    if (kind == "problem")
        for (int i = 1; i <= 20; ++i)
            out.push_back({"problem", i, fmt::format("Problem {} vid torget åäö", i),
                           {{"prioritised", i <= 8 ? "1" : "0"}, {"rank", i <= 8 ? std::to_string(i) : ""}}});
    if (kind == "cause")
        for (int i = 1; i <= 80; ++i)
            out.push_back({"cause", 100 + i, fmt::format("Orsak {} – mörka platser", i),
                           {{"problem_id", std::to_string((i - 1) / 4 + 1)}, {"parent_id", ""}, {"nature", "social"}}});
    if (kind == "actor")
        for (int i = 1; i <= 30; ++i) out.push_back({"actor", 1000 + i, fmt::format("Förvaltning {}", i), {}});
    return out;
}

void fill(kartla::Workshop& workshop) {
    workshop.edit("bench", [](kartla::Database& db) {
        kartla::core_data::set_meta(db, "title", "Benchmark Älvstad");
        for (int i = 0; i < kMeasures; ++i) {
            const auto id = create_measure(db, fmt::format("Åtgärd {}: belysning, fältarbete; \"trygghet\"", i), "2026-03-12");
            set_text(db, id, Field::Description, std::string(300, 'x') + " åäö");
            set_text(db, id, Field::Goal, "Minst 40 pass under året");
            set_text(db, id, Field::Indicator, "Anmälningar per månad");
            set_text(db, id, Field::Start, "2026-04-01");
            set_text(db, id, Field::Due, fmt::format("2027-{:02}-15", i % 12 + 1));
            set_owner(db, id, 1001 + i % 30);
            set_partner(db, id, 1001 + (i + 1) % 30, true);
            set_partner(db, id, 1001 + (i + 2) % 30, true);
            set_addresses(db, id, "problem", 1 + i % 20, true);
            set_addresses(db, id, "cause", 101 + i % 80, true);
            set_status(db, id, "decided", "2026-03-12");
            set_light(db, id, i % 3 == 0 ? "green" : i % 3 == 1 ? "yellow" : "red");
        }
    });
}

}  // namespace

int main() {
    auto workshop = kartla::Workshop::in_memory();
    if (!workshop->migrate_plugin("action_plan", migrations()).empty()) return 1;
    fill(*workshop);
    const kartla::EntitySource source = [](std::string_view kind, bool* available) {
        if (available) *available = true;
        return entities(kind);
    };
    const fs::path dir = fs::temp_directory_path() / "kartla_action_plan_bench";
    fs::create_directories(dir);
    fmt::print("Export of {} measures (median of {} runs)\n", kMeasures, kRuns);
    for (const auto& spec : exporting::export_specs(source, [](const char* m) { return m; })) {
        std::vector<double> times;
        const fs::path out = dir / ("plan" + spec.extension);
        for (int run = 0; run < kRuns; ++run) {
            const auto start = std::chrono::steady_clock::now();
            spec.write(*workshop, kartla::ExportOptions{}, out);
            times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(times.begin(), times.end());
        fmt::print("{:>5}: {:8.1f} ms  ({:.0f} KB)\n", spec.format, times[kRuns / 2], double(fs::file_size(out)) / 1024.0);
    }
    fs::remove_all(dir);
    return 0;
}
