#pragma once
// The plugin SDK: the only contract between the host and a plugin. A plugin is
// a shared library exporting one extern "C" function that returns a
// PluginDescriptor; the host checks every field before calling create().
// What a plugin may register is in one header per kind (views.hpp, commands.hpp,
// exports.hpp, entities.hpp, reports.hpp, samples.hpp, phone_routes.hpp), what the
// host offers in host.hpp; this header includes them all.
#include "kartla/api.hpp"
#include "kartla/host.hpp"
#include "kartla/keys.hpp"

#include <imgui.h>

#include <cstdint>
#include <stdexcept>

namespace kartla {

// Bump when anything in this header or the types it exposes changes layout.
// 4: Host is an Editor (Host::edit, the one way a plugin edits); the event bus
//    (Host::publish/subscribe, Event) is gone.
// 5: Host::add_phone_route (phones in the room).
// 6: ViewSpec::tabs and ViewSpec::show_tab (an agenda step opens a view's tab).
// 7: ReportSectionSpec::document (the documents the law and Brå name),
//    ExportSpec::file_tag (distinct suggested file names).
// 8: no process-wide state behind the SDK: Workshop::edit takes the edit group
//    (set_edit_group and take_failed_edit_group are gone), Statement and Database
//    carry the redacted reading's text filter, and the host-only calls
//    (set_widget_translator, text_unsaved, keys::set_layout) left the SDK.
// 9: doc::Image::alt and doc::Chart::alt (what a picture shows, for a reader who
//    does not see it).
// 10: the SDK in one header per kind (views.hpp, commands.hpp, exports.hpp,
//    entities.hpp, reports.hpp, samples.hpp, phone_routes.hpp, host.hpp); one
//    Translate (translate.hpp) and one EntitySource (entities.hpp) for every
//    plugin's model, and Host::translator() / Host::entity_source() to make them.
// 11: Host::tr_in(language, msgid): words for a reader not at the screen (a phone
//    whose browser speaks another language than the screen); EntitySelect and
//    Host::entity_select(): a plugin's model asks only for the entities it decides on;
//    Host::add_table_names and EntityKindSpec::table: a merge conflict names a plugin's
//    tables and fields in the UI's language, and a link to a deleted entity is found.
// 12: Workshop holds its state behind one pointer (Workshop::State, in the core):
//    its size and layout no longer follow the core's private members, and db(),
//    path(), revision(), read_only(), storage(), can_undo() and can_redo() are
//    calls into the core instead of inline reads of those members.
//    Workshop::changes_since and RowChange (a view updates the rows an edit touched);
//    PhoneRouteSpec::answer_text (a GET answers with JSON text, shared part encoded once).
// 13: Editor::edit(label, change, group): the edit group in the call, for every
//    Editor (Host, Workshop, ui::FieldEditor); ui::text_field(label, stored, editor,
//    write) hands `write` a FieldEditor over `editor` with the field's visit's
//    group, and a failed edit tells the field by that editor: nothing reaches
//    Host::edit by state on the side any more.
inline constexpr std::uint32_t kPluginAbiVersion = 13;

// Plugin state lives in an object the plugin owns; the host only destroys it.
class Plugin {
public:
    virtual ~Plugin() = default;
};

struct PluginDescriptor {
    std::uint32_t struct_size;
    std::uint32_t abi_version;
    const char* imgui_version;
    std::uint32_t sizeof_imgui_io;
    std::uint32_t sizeof_imgui_style;
    std::uint32_t sizeof_imdrawvert;
    std::uint32_t sizeof_imdrawidx;
    const char* id;       // [a-z0-9_]+, also the prefix of the plugin's tables
    const char* name;     // English msgid
    const char* version;  // "1.0.0"
    Plugin* (*create)(Host& host);
    void (*destroy)(Plugin* plugin);
};

inline constexpr const char* kPluginEntrySymbol = "kartla_plugin_descriptor";
using PluginEntry = const PluginDescriptor* (*)() noexcept;

}  // namespace kartla

// Defines the entry point. PluginClass needs a constructor taking Host&.
#define KARTLA_PLUGIN(PLUGIN_ID, PLUGIN_NAME, PLUGIN_VERSION, PluginClass)                                   \
    extern "C" __attribute__((visibility("default"))) const ::kartla::PluginDescriptor*                     \
    kartla_plugin_descriptor() noexcept {                                                                    \
        static const ::kartla::PluginDescriptor descriptor{                                                  \
            sizeof(::kartla::PluginDescriptor), ::kartla::kPluginAbiVersion, IMGUI_VERSION,                  \
            sizeof(ImGuiIO), sizeof(ImGuiStyle), sizeof(ImDrawVert), sizeof(ImDrawIdx),                      \
            PLUGIN_ID, PLUGIN_NAME, PLUGIN_VERSION,                                                          \
            [](::kartla::Host& host) -> ::kartla::Plugin* {                                                  \
                /* A plugin that linked its own ImGui sees another (null) context. */                         \
                if (ImGui::GetCurrentContext() != host.imgui_context())                                      \
                    throw std::runtime_error("the plugin carries its own copy of Dear ImGui");               \
                return new PluginClass(host);                                                                \
            },                                                                                               \
            [](::kartla::Plugin* plugin) { delete plugin; }};                                                \
        return &descriptor;                                                                                  \
    }
