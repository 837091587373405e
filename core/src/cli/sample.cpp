#include "cli/sample.hpp"

#include "kartla/core_data.hpp"
#include "host/paths.hpp"
#include "storage/core_data_edits.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace kartla {

namespace fs = std::filesystem;

namespace {

nlohmann::json read_json(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}", file.string()));
    return nlohmann::json::parse(in);
}

void check(const EditResult& result) {
    if (!result) throw std::runtime_error(result.message);
}

}  // namespace

void load_core_sample(Workshop& workshop, const nlohmann::json& sample) {
    check(workshop.edit("Workshop details", [&](Database& db) {
        for (auto& [key, value] : sample.at("workshop").items()) core_data::set_meta(db, key, value.get<std::string>());
    }));
    for (auto& p : sample.at("participants"))
        check(workshop.edit("Add participant", [&](Database& db) {
            core_data::add_participant(db, p.at("role").get<std::string>(), p.at("organisation").get<std::string>());
        }));
    for (auto& m : sample.at("meetings"))
        check(workshop.edit("Add meeting", [&](Database& db) {
            auto id = core_data::add_meeting(db, {0, m.at("kind"), m.at("title"), m.at("date"), m.value("place", ""),
                                                  m.value("notes", "")});
            if (m.value("all_attend", false))
                db.run("INSERT INTO core_attendance(meeting_id, participant_id) SELECT ?, id FROM core_participant", id);
        }));
}

std::string build_sample(Runtime& runtime, const fs::path& out) {
    auto created = Workshop::create(out);
    if (auto* error = std::get_if<OpenError>(&created)) return error->message;
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(created)));
    auto& workshop = *runtime.workshop();
    fs::path samples = paths::asset_dir() / "samples";
    try {
        load_core_sample(workshop, read_json(samples / "workshop.json"));
        auto loaders = runtime.registry().sample_loaders();
        std::stable_sort(loaders.begin(), loaders.end(),
                         [](const auto& a, const auto& b) { return a.spec.order < b.spec.order; });
        for (auto& loader : loaders) {
            fs::path part = samples / (loader.plugin_id + ".json");
            if (!fs::exists(part)) continue;
            auto json = read_json(part);
            if (!runtime.guarded(loader.plugin_id, "building the sample", [&] { loader.spec.load(workshop, json); }))
                throw std::runtime_error(fmt::format("the {} part of the sample failed", loader.plugin_id));
        }
    } catch (const std::exception& e) {
        runtime.session().take_workshop();
        std::error_code ec;
        fs::remove(out, ec);
        return fmt::format("could not build the sample: {}", e.what());
    }
    workshop.clear_history();
    return {};
}

}  // namespace kartla
