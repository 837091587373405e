#include "host/offers.hpp"

#include "host/runtime.hpp"

#include <algorithm>

namespace kartla {

const ExportSpec* Offers::find_export(std::string_view format) const {
    for (auto& entry : runtime_.registry().exports())
        if (entry.spec.format == format && runtime_.plugins().usable(entry.plugin_id)) return &entry.spec;
    return nullptr;
}

std::vector<ReportSectionSpec> Offers::report_sections() const {
    std::vector<ReportSectionSpec> out;
    for (auto& entry : runtime_.registry().report_sections())
        if (runtime_.plugins().usable(entry.plugin_id)) {
            out.push_back(entry.spec);
            out.back().title = runtime_.frontend().translate_in(entry.plugin_id, entry.spec.title.c_str());  // in its plugin's words
        }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.order < b.order; });
    return out;
}

// Runs `list` for each usable plugin that lists entities of `kind`, guarded: a plugin
// that throws is turned off and the others still answer.
template <typename List>
std::vector<Entity> Offers::collect(std::string_view kind, bool* available, List&& list) const {
    if (available) *available = false;
    std::vector<Entity> out;
    Workshop* workshop = runtime_.workshop();
    if (!workshop) return out;
    for (auto& entry : runtime_.registry().entity_kinds()) {
        if (entry.spec.kind != kind || !runtime_.plugins().usable(entry.plugin_id)) continue;
        if (available) *available = true;
        runtime_.guarded(entry.plugin_id, "listing entities", [&] { list(entry.spec, *workshop, out); });
    }
    return out;
}

std::vector<Entity> Offers::entities(std::string_view kind, bool* available) const {
    return collect(kind, available, [](const EntityKindSpec& spec, Workshop& workshop, std::vector<Entity>& out) {
        auto listed = spec.list(workshop);
        out.insert(out.end(), listed.begin(), listed.end());
    });
}

std::vector<Entity> Offers::entities_where(std::string_view kind, const EntityFilter& filter, bool* available) const {
    return collect(kind, available, [&](const EntityKindSpec& spec, Workshop& workshop, std::vector<Entity>& out) {
        if (spec.select) {
            auto selected = spec.select(workshop, filter);
            out.insert(out.end(), selected.begin(), selected.end());
            return;
        }
        for (auto& e : spec.list(workshop))
            if (filter.matches(e)) out.push_back(std::move(e));
    });
}

std::map<std::string, std::string> Offers::link_targets() const {
    std::map<std::string, std::string> out;
    for (const auto& entry : runtime_.registry().entity_kinds())
        if (!entry.spec.table.empty()) out.emplace(entry.spec.kind, entry.spec.table);
    return out;
}

std::string Offers::table_name(std::string_view table) const {
    for (const auto& entry : runtime_.registry().table_names())
        if (entry.spec.table == table) return runtime_.frontend().translate_in(entry.plugin_id, entry.spec.name.c_str());
    return std::string(table);
}

std::string Offers::field_name(std::string_view table, std::string_view column) const {
    for (const auto& entry : runtime_.registry().table_names())
        if (entry.spec.table == table)
            for (const auto& [field, msgid] : entry.spec.fields)
                if (field == column) return runtime_.frontend().translate_in(entry.plugin_id, msgid.c_str());
    return {};
}

}  // namespace kartla
