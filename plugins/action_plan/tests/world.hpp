#pragma once
// A workshop with the action plan's tables and stand-ins for the problem and
// actor plugins: "problem", "cause" and "actor" entities registered through the
// core host from plain lists, so these tests need no other plugin's code.
#include "../model/plan.hpp"

#include "host/runtime.hpp"

#include <filesystem>
#include <vector>

namespace kartla::action_plan::test {

struct World {
    // In memory when `file` is empty.
    explicit World(const std::filesystem::path& file = {});

    kartla::Runtime runtime;
    std::vector<kartla::Entity> problems, causes, actors;
    bool publish_problems = true, publish_actors = true;

    kartla::Workshop& workshop() { return *runtime.workshop(); }
    kartla::Database& db() { return workshop().db(); }
    EntitySource source();
    Plan plan();
    void edit(const std::function<void(kartla::Database&)>& change);
    // Registers the action plan's exporters in the core's export registry.
    void register_exports();
    void export_to(const std::string& format, const std::filesystem::path& out, kartla::ExportOptions options = {});
};

Translate identity();

// Ids of the stand-in entities.
inline constexpr std::int64_t kDrugs = 1, kRecruitment = 2, kGraffiti = 3;
inline constexpr std::int64_t kDarkPlaces = 11, kNoManager = 12, kNoLeisure = 21;
inline constexpr std::int64_t kPolice = 101, kSocial = 102, kHousing = 103;

}  // namespace kartla::action_plan::test
