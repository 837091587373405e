#include "host/context_data.hpp"

namespace kartla {

namespace {
// Marks the hook whose UserData names the context whose state a context shares; never does anything.
void shares(ImGuiContext*, ImGuiContextHook*) {}
}  // namespace

void share_context_data(ImGuiContext* second, ImGuiContext* first) {
    if (!second || !first || second == first) return;
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_Shutdown;
    hook.Callback = &shares;
    hook.UserData = context_data_owner(first);
    ImGui::AddContextHook(second, &hook);
}

ImGuiContext* context_data_owner(ImGuiContext* ctx) {
    for (const ImGuiContextHook& hook : ctx->Hooks)
        if (hook.Callback == &shares && hook.UserData) return static_cast<ImGuiContext*>(hook.UserData);
    return ctx;
}

}  // namespace kartla
