#pragma once
#include "host/runtime.hpp"
#include "kartla/export_file.hpp"
#include "exports/export_run.hpp"

namespace kartla {

// The Host one plugin sees: every registration is tagged with that plugin's id.
class PluginHost final : public Host {
public:
    PluginHost(Runtime& runtime, std::string plugin_id) : runtime_(runtime), id_(std::move(plugin_id)) {}

    void add_schema(std::vector<std::string> migrations) override { runtime_.plugins().set_schema(id_, std::move(migrations)); }
    void add_view(ViewSpec view) override { runtime_.registry().add(id_, std::move(view)); }
    void add_command(CommandSpec command) override { runtime_.registry().add(id_, std::move(command)); }
    // Every export runs whole-or-nothing and, on request, redacted (kartla/export_file.hpp),
    // and is told what it must say about the workshop as a whole (ExportOptions::notices).
    void add_export(ExportSpec exporter) override {
        exporter.write = [&runtime = runtime_, write = guarded_export(std::move(exporter.write), exporter.extension.empty())](
                             Workshop& workshop, const ExportOptions& options, const std::filesystem::path& out) {
            ExportOptions told = options;
            told.notices = runtime.plugins().missing_notices(workshop);
            write(workshop, told, out);
        };
        runtime_.registry().add(id_, std::move(exporter));
    }
    void add_entity_kind(EntityKindSpec kind) override { runtime_.registry().add(id_, std::move(kind)); }
    void add_sample_loader(SampleSpec loader) override { runtime_.registry().add(id_, std::move(loader)); }
    void add_table_names(std::vector<TableNames> tables) override {
        for (auto& names : tables) runtime_.registry().add(id_, std::move(names));
    }

    // The open workshop, while this plugin's tables are usable in it.
    Workshop* workshop() override { return runtime_.plugins().usable(id_) ? runtime_.workshop() : nullptr; }
    EditResult edit(std::string_view label_msgid, const std::function<void(Database&)>& change,
                    EditGroup group) override;
    using Host::edit;
    std::vector<Entity> entities(std::string_view kind, bool* available) override {
        return runtime_.offers().entities(kind, available);
    }
    std::vector<Entity> entities_where(std::string_view kind, const EntityFilter& filter, bool* available) override {
        return runtime_.offers().entities_where(kind, filter, available);
    }
    const char* tr(const char* msgid) override { return runtime_.frontend().translate_in(id_, msgid); }
    const char* tr_in(std::string_view language, const char* msgid) override {
        return runtime_.frontend().translate_for(language, id_, msgid);
    }
    void log(LogLevel level, std::string_view message) override;
    void show_message(std::string_view message) override { runtime_.messages().post(LogLevel::Info, std::string(message)); }
    void show_view(std::string_view key) override { runtime_.frontend().show_view(key); }
    ImGuiContext* imgui_context() override;
    float ui_scale() override { return runtime_.frontend().ui_scale(); }
    void add_report_section(ReportSectionSpec section) override { runtime_.registry().add(id_, std::move(section)); }
    std::vector<ReportSectionSpec> report_sections() override { return runtime_.offers().report_sections(); }
    void add_phone_route(PhoneRouteSpec route) override { runtime_.registry().add(id_, std::move(route)); }

private:
    Runtime& runtime_;
    std::string id_;
};

}  // namespace kartla
