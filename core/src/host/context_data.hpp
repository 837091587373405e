#pragma once
// State that belongs to one ImGui context (the window's UI, or a test's) is kept
// with that context, not in the process: made on first use, freed when the
// context is destroyed. Whoever owns the context (the window's shell, the command
// line's runtime, a test) owns this state with it, and two contexts never share it.
#include "kartla/api.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kartla {

// A second screen's context (the room view, in its own ImGui context) draws what
// the console's shows: it uses the console's state (the widgets' translation, the
// keyboard layout, the probes) instead of its own. `second` must not outlive `first`.
KARTLA_API void share_context_data(ImGuiContext* second, ImGuiContext* first);
// The context whose state `ctx` uses: its own, or the one it shares.
KARTLA_API ImGuiContext* context_data_owner(ImGuiContext* ctx);

namespace context_data_detail {
template <class T>
void free_data(ImGuiContext*, ImGuiContextHook* hook) {
    delete static_cast<T*>(hook->UserData);
    hook->UserData = nullptr;
}
}  // namespace context_data_detail

// The context's T, found by the Shutdown hook that frees it (one per type).
// Null without a context; `made` tells when it was made by this call. Not to be
// first called from inside a context hook (adding a hook then would move the list
// ImGui is walking).
template <class T>
T* context_data(ImGuiContext* ctx = ImGui::GetCurrentContext(), bool* made = nullptr) {
    if (made) *made = false;
    if (!ctx) return nullptr;
    ctx = context_data_owner(ctx);
    for (const ImGuiContextHook& hook : ctx->Hooks)
        if (hook.Callback == &context_data_detail::free_data<T> && hook.UserData) return static_cast<T*>(hook.UserData);
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_Shutdown;
    hook.Callback = &context_data_detail::free_data<T>;
    hook.UserData = new T{};
    ImGui::AddContextHook(ctx, &hook);
    if (made) *made = true;
    return static_cast<T*>(hook.UserData);
}

}  // namespace kartla
