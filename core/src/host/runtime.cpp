#include "host/runtime.hpp"

#include "host/core_parts.hpp"
#include "host/plugin_host.hpp"
#include "kartla/export_file.hpp"
#include "exports/export_run.hpp"

#include <fmt/format.h>


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
