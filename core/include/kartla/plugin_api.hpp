#pragma once
// The plugin SDK: the only contract between the host and a plugin. A plugin is
// a shared library exporting one extern "C" function that returns a
// PluginDescriptor; the host checks every field before calling create().
#include "kartla/document.hpp"
#include "kartla/api.hpp"
#include "kartla/keys.hpp"
#include "kartla/workshop.hpp"

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <stdexcept>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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
inline constexpr std::uint32_t kPluginAbiVersion = 9;

class Host;

// Plugin state lives in an object the plugin owns; the host only destroys it.
class Plugin {
public:
    virtual ~Plugin() = default;
};

// An item a plugin publishes for others to reference, e.g. {"problem", 7, "Drug dealing at the square"}.
// Attributes carry the few facts other plugins may act on, documented by the
// publishing plugin (e.g. a problem's "prioritised" = "1", a cause's "problem_id").
struct Entity {
    std::string kind;
    std::int64_t id = 0;
    std::string label;
    std::map<std::string, std::string> attributes;

    std::string attribute(const std::string& key) const {
        auto found = attributes.find(key);
        return found == attributes.end() ? std::string() : found->second;
    }
};

// Some of one kind's entities: those with one of `ids`, and those whose
// attribute `key` has one of `values` (an empty key: by id only).
struct EntityFilter {
    std::vector<std::int64_t> ids;
    std::string key;
    std::vector<std::string> values;

    bool matches(const Entity& e) const {
        for (auto id : ids)
            if (id == e.id) return true;
        if (key.empty()) return false;
        const std::string value = e.attribute(key);
        for (const auto& v : values)
            if (v == value) return true;
        return false;
    }
};

struct EntityKindSpec {
    std::string kind;  // "problem", "cause", "actor", ...
    std::function<std::vector<Entity>(Workshop&)> list;
    // Optional: what `list` gives that matches the filter, in the same order,
    // without reading the rest: an export of a few measures on a board of 50,000
    // cards should not load every card. Empty: the host filters `list`.
    std::function<std::vector<Entity>(Workshop&, const EntityFilter&)> select = {};
};

// Main views take the stage one at a time (the room sees one board); side
// views (an editor, a list of checks) open in a column beside it.
enum class ViewPlacement { Main, Side };

// A tab inside a main view, which an agenda step (or the palette) can open by
// the name "<view key>/<tab key>": "problem_map.board/priority".
struct ViewTab {
    std::string key;    // stable: "priority"
    std::string title;  // English msgid of the view's plugin: "Prioritise"
};

struct ViewSpec {
    std::string key;          // stable id, survives a language switch: "problem_map.board"
    std::string title;        // English msgid, translated by the host
    bool open_by_default = true;  // side views: open at first start; main views: always available
    std::function<void()> draw;  // draws the window's contents; the host owns Begin/End
    ViewPlacement placement = ViewPlacement::Main;
    // Place in the view bar, in the order of the meeting: workshop 0, problems 10,
    // actors 20, measures 30, follow-up 40.
    int order = 50;
    // Optional: draws this main view for the room view on a second screen, in that
    // screen's own ImGui context (large text, no input): no editing controls, the
    // facilitator's selection and view shown. Returns false at once, drawing
    // nothing, to let the room see the facilitator's view mirrored instead (e.g.
    // on a tab without a room drawing). Empty: always mirrored.
    std::function<bool()> draw_room;
    // Optional: the view's tabs, and how to bring one to the front (its key).
    std::vector<ViewTab> tabs;
    std::function<void(std::string_view tab)> show_tab;
};

struct Shortcut {
    int key = 0;  // a kartla::keys code; 0: no shortcut
    bool ctrl = false;
    bool shift = false;
};

struct CommandSpec {
    std::string key;    // "problem_map.new_card"
    std::string label;  // English msgid
    Shortcut shortcut;
    std::function<void()> run;
    std::function<bool()> enabled;  // may be empty: always enabled
};

struct ExportOptions {
    char csv_separator = ';';
    bool redact_personal_data = false;
    // What the reader must know about the workshop as a whole, in the user's
    // language, e.g. that a part made with a plugin not installed here is not
    // in the export. Set by the host for every export; a document states each
    // at its top.
    std::vector<std::string> notices;
};

struct ExportSpec {
    std::string format;     // "md", "csv", ... as typed on the command line
    std::string label;      // English msgid for the menu
    std::string extension;  // ".md"; empty: `write` fills the folder `out` with files of its own
    std::function<void(Workshop&, const ExportOptions&, const std::filesystem::path& out)> write;
    // What the suggested file is called: FILE.<file_tag><extension> ("plan" gives
    // sample.plan.html). Empty: the format without its file type ("report-html"
    // gives sample.report.html). See kartla::default_export_path.
    std::string file_tag = {};
};

// Builds this plugin's part of the sample workshop from assets/samples/<plugin id>.json,
// through the same edit paths a user takes. Parts load in ascending `order`, so a
// part can refer (by label, through Host::entities) to entities of an earlier one:
// problems 10, actors 20, measures 30, meeting and follow-up material 40.
struct SampleSpec {
    int order = 50;
    std::function<void(Workshop&, const nlohmann::json&)> load;
};

// A plugin's part of the workshop report, made from its own model. The report
// collects the parts of the loaded plugins in ascending `order` (problems 10,
// actors 20, measures 30, follow-up 40) and writes them as HTML and PDF. Texts
// come already translated (Host::tr); the report redacts every text on
// request, but not the pixels of an image: a part that draws text into a
// picture masks it itself when `options.redact_personal_data` is set.
//
// Besides the workshop report, the report plugin writes the documents the law
// (2023:196) and Brå's guidance name, each from the parts contributed to it:
// the lägesbild (the survey of the problems and their analysis), the
// åtgärdsplan (per prioritised problem, its causes, measures, goals and
// follow-up) and a draft samverkansöverenskommelse between the municipality
// and the police (problems in focus, goals, follow-up, period, signatures).
enum class DocumentKind { Report, SituationPicture, ActionPlan, Agreement };

struct ReportSectionSpec {
    std::string key;    // "problem_map.problems"
    std::string title;  // English msgid; names the part when building it fails
    int order = 50;
    std::function<doc::Section(Workshop&, const ExportOptions&)> build;
    DocumentKind document = DocumentKind::Report;  // the document this part belongs to
};

// Phones in the room (docs/phones.md). A request reaches a plugin's route only
// after the room server has checked it: the join token, the Host and Origin
// headers, the size, the phone's rate, and strict JSON. It is handled on the
// main thread between frames, so the route edits through Host::edit exactly as
// an edit made at the screen (undo, the personal-data guard, crash safety).
struct PhoneRequest {
    std::string phone_id;  // the phone's anonymous random id: 32 hex digits, nothing else is known of it
    std::string language;  // "sv" or "en", from the phone's browser
    const nlohmann::json& body;  // a JSON object ({} for GET)
};

struct PhoneRouteSpec {
    std::string method;  // "GET" or "POST"
    std::string path;    // below the join address: "/cards"
    // Fills `reply` (a JSON object) and returns the HTTP status: 200, or 4xx
    // with {"error": "<English msgid>"} for a refusal the phone shows.
    std::function<int(const PhoneRequest&, nlohmann::json& reply)> handle;
};

enum class LogLevel { Info, Warning, Error };

// What the host offers a plugin. Everything a plugin registers is tagged with
// its id by the host and dropped when the plugin is disabled.
class Host : public Editor {
public:
    virtual ~Host() = default;

    // The one way a plugin edits the open workshop: one user action, one
    // transaction, one undo step. `label_msgid` is an English msgid of this
    // plugin's catalogue; the step keeps it untranslated with the plugin's id and
    // the shell translates it whenever it shows it (undo menu), so a language
    // switch renames it too. A failure (no workshop, read-only, a refused
    // change) is shown to the user here and returned; callers need not report it.
    EditResult edit(std::string_view label_msgid, const std::function<void(Database&)>& change) override = 0;

    // The plugin's tables, one forward migration per entry, names prefixed with
    // the plugin id. Opening a file checks its schema against exactly what these
    // create; triggers and views are off on every connection, so a migration
    // must not rely on them.
    virtual void add_schema(std::vector<std::string> migrations) = 0;
    virtual void add_view(ViewSpec view) = 0;
    virtual void add_command(CommandSpec command) = 0;
    virtual void add_export(ExportSpec exporter) = 0;
    virtual void add_entity_kind(EntityKindSpec kind) = 0;
    virtual void add_sample_loader(SampleSpec loader) = 0;

    // The open workshop, or nullptr when none is open (or this plugin's tables
    // could not be prepared in it).
    virtual Workshop* workshop() = 0;
    // Entities of a kind published by any loaded plugin; `available` tells
    // whether a plugin publishes that kind at all.
    virtual std::vector<Entity> entities(std::string_view kind, bool* available = nullptr) = 0;
    // The same, only those that match the filter (in the same order).
    virtual std::vector<Entity> entities_where(std::string_view kind, const EntityFilter& filter,
                                               bool* available = nullptr) = 0;

    virtual const char* tr(const char* msgid) = 0;
    virtual void log(LogLevel level, std::string_view message) = 0;
    virtual void show_message(std::string_view message) = 0;  // a toast/dialog in the GUI, stderr otherwise

    // Brings a view to the front: a main view takes the stage, a side view opens.
    virtual void show_view(std::string_view key) = 0;

    virtual ImGuiContext* imgui_context() = 0;
    virtual float ui_scale() = 0;  // the text zoom the user chose (1.0 = 100 %)

    // A plugin's part of the workshop report. report_sections() gives those of
    // all loaded plugins, in ascending order; call `build` inside a try block:
    // the other plugin may fail.
    virtual void add_report_section(ReportSectionSpec section) = 0;
    virtual std::vector<ReportSectionSpec> report_sections() = 0;

    // What phones in the room may ask of this plugin (PhoneRouteSpec).
    virtual void add_phone_route(PhoneRouteSpec route) = 0;
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
