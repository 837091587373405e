// Parts of a workshop made with a plugin that is not installed here: found in
// the core's table of plugin schema versions, named to the user everywhere the
// workshop is shown or exported, and never read or changed (schema_guard).
#include "host/plugin_set.hpp"
#include "host/runtime.hpp"
#include "storage/schema_guard.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kartla {

std::vector<std::string> PluginSet::missing(Workshop& workshop) const {
    std::vector<std::string> out;
    if (safe_mode_) return out;
    auto installed = [&](const std::string& id) {
        return std::any_of(records_.begin(), records_.end(), [&](const auto& plugin) { return plugin->id == id; });
    };
    // A row is written only by a plugin's first migration, so each one is a part with tables.
    Statement rows(workshop.db().handle(), "SELECT plugin_id FROM core_plugin_schema WHERE version > 0 ORDER BY plugin_id");
    while (rows.step()) {
        auto id = rows.text(0);
        if (schema_guard::plausible_plugin_id(id) && !installed(id)) out.push_back(std::move(id));
    }
    return out;
}

std::string PluginSet::missing_notice(std::string_view id) const {
    return fmt::format(
        fmt::runtime(runtime_.translate("This workshop has a part made with {}, which is not installed here; it is kept unchanged.")),
        id);
}

std::vector<std::string> PluginSet::missing_notices(Workshop& workshop) const {
    std::vector<std::string> out;
    for (const auto& id : missing(workshop)) out.push_back(missing_notice(id));
    return out;
}

}  // namespace kartla
