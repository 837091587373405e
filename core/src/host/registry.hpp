#pragma once
// What the plugins registered through their Host, each entry tagged with the
// plugin's id, so a plugin turned off takes all of its parts with it.
#include "kartla/plugin_api.hpp"
#include "kartla/table_names.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kartla {

template <typename Spec>
struct Tagged {
    std::string plugin_id;
    Spec spec;
};

class Registry {
public:
    void add(std::string plugin_id, ViewSpec view) { views_.push_back({std::move(plugin_id), std::move(view)}); }
    void add(std::string plugin_id, CommandSpec command) { commands_.push_back({std::move(plugin_id), std::move(command)}); }
    void add(std::string plugin_id, ExportSpec exporter) { exports_.push_back({std::move(plugin_id), std::move(exporter)}); }
    void add(std::string plugin_id, EntityKindSpec kind) { entity_kinds_.push_back({std::move(plugin_id), std::move(kind)}); }
    void add(std::string plugin_id, SampleSpec loader) { sample_loaders_.push_back({std::move(plugin_id), std::move(loader)}); }
    void add(std::string plugin_id, ReportSectionSpec section) {
        report_sections_.push_back({std::move(plugin_id), std::move(section)});
    }
    void add(std::string plugin_id, PhoneRouteSpec route) { phone_routes_.push_back({std::move(plugin_id), std::move(route)}); }
    void add(std::string plugin_id, TableNames names) { table_names_.push_back({std::move(plugin_id), std::move(names)}); }

    const std::vector<Tagged<ViewSpec>>& views() const { return views_; }
    const std::vector<Tagged<CommandSpec>>& commands() const { return commands_; }
    const std::vector<Tagged<ExportSpec>>& exports() const { return exports_; }
    const std::vector<Tagged<EntityKindSpec>>& entity_kinds() const { return entity_kinds_; }
    const std::vector<Tagged<SampleSpec>>& sample_loaders() const { return sample_loaders_; }
    const std::vector<Tagged<ReportSectionSpec>>& report_sections() const { return report_sections_; }
    const std::vector<Tagged<PhoneRouteSpec>>& phone_routes() const { return phone_routes_; }
    const std::vector<Tagged<TableNames>>& table_names() const { return table_names_; }

    void remove_view(std::string_view key) {
        std::erase_if(views_, [&](const auto& entry) { return entry.spec.key == key; });
    }
    // Everything one plugin registered (it was turned off, or is started anew).
    void drop(std::string_view plugin_id) {
        auto mine = [&](const auto& entry) { return entry.plugin_id == plugin_id; };
        std::erase_if(views_, mine);
        std::erase_if(commands_, mine);
        std::erase_if(exports_, mine);
        std::erase_if(entity_kinds_, mine);
        std::erase_if(sample_loaders_, mine);
        std::erase_if(report_sections_, mine);
        std::erase_if(phone_routes_, mine);
        std::erase_if(table_names_, mine);
    }

private:
    std::vector<Tagged<ViewSpec>> views_;
    std::vector<Tagged<CommandSpec>> commands_;
    std::vector<Tagged<ExportSpec>> exports_;
    std::vector<Tagged<EntityKindSpec>> entity_kinds_;
    std::vector<Tagged<SampleSpec>> sample_loaders_;
    std::vector<Tagged<ReportSectionSpec>> report_sections_;
    std::vector<Tagged<PhoneRouteSpec>> phone_routes_;
    std::vector<Tagged<TableNames>> table_names_;
};

}  // namespace kartla
