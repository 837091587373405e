// Arbitrary bytes as the sample source: parsed as JSON and, when it parses,
// loaded into an in-memory workshop through load_core_sample. A bad sample may
// be refused with an exception; it must not crash, leave a transaction open or
// leave the workshop unusable.
#include "fuzz_bodies.hpp"
#include "kartla/core_data.hpp"
#include "cli/sample.hpp"
#include "storage/core_data_edits.hpp"

#include <nlohmann/json.hpp>

namespace kartla::fuzz {

namespace {
constexpr const char* kTarget = "sample_source";
}

int sample_source(const std::uint8_t* data, std::size_t size) {
    auto json = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return 0;
    auto workshop = Workshop::in_memory();
    try {
        load_core_sample(*workshop, json);
    } catch (const std::exception&) {
        // Refusing a malformed sample is fine; what follows checks nothing broke.
    }
    auto& db = workshop->db();
    if (db.in_transaction()) fail(kTarget, "a transaction was left open");
    if (db.scalar_text("PRAGMA integrity_check") != "ok") fail(kTarget, "the workshop is damaged");
    auto participants = core_data::participants(db).size();
    auto result = workshop->edit("after the sample", [](Database& db) { core_data::add_participant(db, "Kommunpolis", "Polisen"); });
    if (!result) fail(kTarget, "an edit after loading failed: " + result.message);
    if (core_data::participants(db).size() != participants + 1) fail(kTarget, "the edit after loading was not stored");
    if (!workshop->undo()) fail(kTarget, "undo after loading failed");
    if (core_data::participants(db).size() != participants) fail(kTarget, "undo after loading did not undo");
    (void)core_data::meetings(db);
    (void)core_data::organisations(db);
    return 0;
}

}  // namespace kartla::fuzz
