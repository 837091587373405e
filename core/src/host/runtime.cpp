#include "host/runtime.hpp"

#include "host/core_parts.hpp"
#include "host/plugin_host.hpp"
#include "kartla/export_file.hpp"
#include "exports/export_run.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kartla {

namespace {

// Why an action failed, in the UI's language where kartla knows the reason.
std::string failure_reason(const std::exception& error, const Runtime& runtime) {
    if (auto* write = dynamic_cast<const WriteError*>(&error))
        if (const char* msgid = write_failure_msgid(write->error()))
            return fmt::format("{} ({})", runtime.translate(msgid), write->target().string());
    return error.what();
}

}  // namespace

Runtime::Runtime()
    : core_host_(std::make_unique<PluginHost>(*this, "core")), frontend_(&english_),
      plugins_(std::make_unique<PluginSet>(*this)) {
    // Plugins check that they share the host's ImGui context, so there must be one even without a window.
    if (!ImGui::GetCurrentContext()) owned_context_ = ImGui::CreateContext();
    // The core's own parts (the meeting export, ...) register like plugins, on the command line as in the window.
    start_core_parts(*core_host_);
}

Runtime::~Runtime() {
    session_.take_workshop().reset();
    plugins_->destroy_instances();  // while the registry, messages and frontend they may use still exist
    if (owned_context_) ImGui::DestroyContext(owned_context_);
}

void Runtime::set_frontend(Frontend* frontend) { frontend_ = frontend ? frontend : &english_; }

void Runtime::set_workshop(std::unique_ptr<Workshop> workshop) {
    session_.set_workshop(std::move(workshop));
    plugins_->prepare_tables(session_.workshop());
}

const ExportSpec* Runtime::find_export(std::string_view format) const {
    for (auto& entry : registry_.exports())
        if (entry.spec.format == format && plugins_->usable(entry.plugin_id)) return &entry.spec;
    return nullptr;
}

std::vector<ReportSectionSpec> Runtime::report_sections() const {
    std::vector<ReportSectionSpec> out;
    for (auto& entry : registry_.report_sections())
        if (plugins_->usable(entry.plugin_id)) {
            out.push_back(entry.spec);
            out.back().title = frontend_->translate_in(entry.plugin_id, entry.spec.title.c_str());  // in its plugin's words
        }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.order < b.order; });
    return out;
}

std::vector<Entity> Runtime::entities(std::string_view kind, bool* available) {
    if (available) *available = false;
    std::vector<Entity> out;
    if (!workshop()) return out;
    for (auto& entry : registry_.entity_kinds()) {
        if (entry.spec.kind != kind || !plugins_->usable(entry.plugin_id)) continue;
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
    for (auto& entry : registry_.entity_kinds()) {
        if (entry.spec.kind != kind || !plugins_->usable(entry.plugin_id)) continue;
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

std::map<std::string, std::string> Runtime::link_targets() const {
    std::map<std::string, std::string> out;
    for (const auto& entry : registry_.entity_kinds())
        if (!entry.spec.table.empty()) out.emplace(entry.spec.kind, entry.spec.table);
    return out;
}

std::string Runtime::table_name(std::string_view table) const {
    for (const auto& entry : registry_.table_names())
        if (entry.spec.table == table) return frontend_->translate_in(entry.plugin_id, entry.spec.name.c_str());
    return std::string(table);
}

std::string Runtime::field_name(std::string_view table, std::string_view column) const {
    for (const auto& entry : registry_.table_names())
        if (entry.spec.table == table)
            for (const auto& [field, msgid] : entry.spec.fields)
                if (field == column) return frontend_->translate_in(entry.plugin_id, msgid.c_str());
    return {};
}

std::string Runtime::attempt(std::string_view plugin_id, const char* failed_msgid, const std::function<void()>& action) {
    std::string reason;
    try {
        action();
        return {};
    } catch (const std::exception& e) {
        reason = failure_reason(e, *this);
    } catch (...) {
        reason = translate("an unknown error");
    }
    messages_.post(LogLevel::Error, fmt::format("{}: {}", frontend_->translate_in(plugin_id, failed_msgid), reason));
    return reason;
}

}  // namespace kartla
