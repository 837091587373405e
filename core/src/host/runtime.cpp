#include "host/runtime.hpp"

#include "host/core_parts.hpp"
#include "host/plugin_host.hpp"
#include "kartla/export_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace kartla {

Runtime::Runtime() : core_host_(std::make_unique<PluginHost>(*this, "core")) {
    // Plugins check that they share the host's ImGui context, so there must be one even without a window.
    if (!ImGui::GetCurrentContext()) owned_context_ = ImGui::CreateContext();
    // The core's own parts (the meeting export, ...) register like plugins, on the command line as in the window.
    start_core_parts(*core_host_);
}

Runtime::~Runtime() {
    session_.take_workshop().reset();
    // Plugins go in reverse order; their libraries stay mapped (RTLD_NODELETE),
    // so no callback of theirs can outlive its code.
    for (auto it = plugins_.rbegin(); it != plugins_.rend(); ++it) {
        auto& plugin = **it;
        if (plugin.instance && plugin.descriptor) {
            guarded(plugin.id, "destroy", [&] { plugin.descriptor->destroy(plugin.instance); });
            plugin.instance = nullptr;
        }
    }
    if (owned_context_) ImGui::DestroyContext(owned_context_);
}

Host& Runtime::core_host() { return *core_host_; }

void Runtime::set_schema(std::string_view plugin_id, std::vector<std::string> migrations) {
    if (auto* plugin = find(plugin_id)) plugin->migrations = std::move(migrations);
}

Workshop* Runtime::workshop_for(std::string_view plugin_id) {
    if (plugin_id == "core") return workshop();
    auto* plugin = find(plugin_id);
    if (!plugin || !plugin->workshop_problem.empty()) return nullptr;
    return workshop();
}

PluginRecord* Runtime::find(std::string_view id) {
    for (auto& plugin : plugins_)
        if (plugin->id == id) return plugin.get();
    return nullptr;
}

bool Runtime::plugin_usable(std::string_view id) const {
    if (id == "core") return true;
    for (auto& plugin : plugins_)
        if (plugin->id == id) return plugin->status == PluginStatus::Loaded && plugin->workshop_problem.empty();
    return false;
}

SchemaCatalog Runtime::known_schema() const {
    SchemaCatalog catalog;
    for (auto& plugin : plugins_)
        if (plugin->status == PluginStatus::Loaded) catalog.plugins.emplace_back(plugin->id, plugin->migrations);
    return catalog;
}

void Runtime::drop_registrations(std::string_view id) {
    auto mine = [&](const auto& entry) { return entry.plugin_id == id; };
    std::erase_if(views_, mine);
    std::erase_if(commands_, mine);
    std::erase_if(exports_, mine);
    std::erase_if(entity_kinds_, mine);
    std::erase_if(sample_loaders_, mine);
    std::erase_if(report_sections_, mine);
    std::erase_if(phone_routes_, mine);
}

void Runtime::remove_view(std::string_view key) {
    std::erase_if(views_, [&](const auto& entry) { return entry.spec.key == key; });
}

void Runtime::disable_plugin(std::string_view id, std::string_view reason) {
    auto* plugin = find(id);
    if (!plugin || plugin->status != PluginStatus::Loaded) return;
    plugin->status = PluginStatus::Disabled;
    plugin->message = std::string(reason);
    drop_registrations(id);
    post_message(LogLevel::Error,
                 fmt::format(fmt::runtime(translate("The plugin \u201c{}\u201d was turned off ({}). Plugins > Turn on again "
                                                    "starts it again.")),
                             translate_in(plugin->id, plugin->name.c_str()), reason));
    // The instance is kept, not destroyed: its code may be mid-frame or in a broken state.
}

void Runtime::prepare_plugin_tables(PluginRecord& plugin) {
    plugin.workshop_problem.clear();
    Workshop* workshop = session_.workshop();
    if (!workshop || plugin.status != PluginStatus::Loaded) return;
    plugin.workshop_problem = workshop->migrate_plugin(plugin.id, plugin.migrations);
    if (!plugin.workshop_problem.empty())
        post_message(LogLevel::Warning,
                     fmt::format("{}: its part of this workshop is not available ({})", plugin.name, plugin.workshop_problem));
}

void Runtime::set_workshop(std::unique_ptr<Workshop> workshop) {
    session_.set_workshop(std::move(workshop));
    for (auto& plugin : plugins_) prepare_plugin_tables(*plugin);
}

const ExportSpec* Runtime::find_export(std::string_view format) const {
    for (auto& entry : exports_)
        if (entry.spec.format == format && plugin_usable(entry.plugin_id)) return &entry.spec;
    return nullptr;
}

std::vector<ReportSectionSpec> Runtime::report_sections() const {
    std::vector<ReportSectionSpec> out;
    for (auto& entry : report_sections_)
        if (plugin_usable(entry.plugin_id)) {
            out.push_back(entry.spec);
            out.back().title = translate_in(entry.plugin_id, entry.spec.title.c_str());  // in its plugin's words
        }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.order < b.order; });
    return out;
}

std::vector<Entity> Runtime::entities(std::string_view kind, bool* available) {
    if (available) *available = false;
    std::vector<Entity> out;
    if (!workshop()) return out;
    for (auto& entry : entity_kinds_) {
        if (entry.spec.kind != kind || !plugin_usable(entry.plugin_id)) continue;
        if (available) *available = true;
        guarded(entry.plugin_id, "listing entities", [&] {
            auto listed = entry.spec.list(*workshop());
            out.insert(out.end(), listed.begin(), listed.end());
        });
    }
    return out;
}

std::vector<Entity> Runtime::entities_where(std::string_view kind, const EntityFilter& filter, bool* available) {
    if (available) *available = false;
    std::vector<Entity> out;
    if (!workshop()) return out;
    for (auto& entry : entity_kinds_) {
        if (entry.spec.kind != kind || !plugin_usable(entry.plugin_id)) continue;
        if (available) *available = true;
        guarded(entry.plugin_id, "listing entities", [&] {
            if (entry.spec.select) {
                auto selected = entry.spec.select(*workshop(), filter);
                out.insert(out.end(), selected.begin(), selected.end());
                return;
            }
            for (auto& e : entry.spec.list(*workshop()))
                if (filter.matches(e)) out.push_back(std::move(e));
        });
    }
    return out;
}

std::string Runtime::failure_reason(const std::exception& error) const {
    if (auto* write = dynamic_cast<const WriteError*>(&error))
        if (const char* msgid = write_failure_msgid(write->error()))
            return fmt::format("{} ({})", translate(msgid), write->target().string());
    return error.what();
}

std::string Runtime::attempt(std::string_view plugin_id, const char* failed_msgid, const std::function<void()>& action) {
    std::string reason;
    try {
        action();
        return {};
    } catch (const std::exception& e) {
        reason = failure_reason(e);
    } catch (...) {
        reason = translate("an unknown error");
    }
    post_message(LogLevel::Error, fmt::format("{}: {}", translate_in(plugin_id, failed_msgid), reason));
    return reason;
}

void Runtime::post_message(LogLevel level, std::string text) {
    if (echo_messages_to_stderr && level != LogLevel::Info) std::fprintf(stderr, "kartla: %s\n", text.c_str());
    messages_.push_back({level, std::move(text)});
    if (messages_.size() > 100) messages_.pop_front();
}

}  // namespace kartla
