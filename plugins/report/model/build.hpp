#pragma once
// Builds the workshop report from the core's data and the entities other
// plugins publish. It never reads another plugin's tables.
#include "document.hpp"

#include "kartla/plugin_api.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace report {

struct Sources {
    // Host::entities: kind → entities; `available` false when no plugin publishes it.
    std::function<std::vector<kartla::Entity>(std::string_view kind, bool* available)> entities;
    std::function<std::string(const char* msgid)> tr;
    // Another plugin's PNG export (e.g. "actor-network-png") as bytes; empty when unavailable.
    std::function<std::string(std::string_view format)> png;
};

Document build_report(kartla::Database& db, const Sources& sources);

}  // namespace report
