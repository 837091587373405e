#pragma once
// The SDK: what the host offers a plugin, the Host every plugin is created with.
#include "kartla/commands.hpp"
#include "kartla/entities.hpp"
#include "kartla/exports.hpp"
#include "kartla/phone_routes.hpp"
#include "kartla/reports.hpp"
#include "kartla/samples.hpp"
#include "kartla/table_names.hpp"
#include "kartla/translate.hpp"
#include "kartla/views.hpp"
#include "kartla/workshop.hpp"

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kartla {

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
    // `group`: the undo step of the gesture the edit joins (0: a step of its own);
    // a text field passes its visit's (ui::text_field).
    EditResult edit(std::string_view label_msgid, const std::function<void(Database&)>& change,
                    EditGroup group) override = 0;
    using Editor::edit;

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
    // What this plugin's tables and fields are called (kartla/table_names.hpp).
    virtual void add_table_names(std::vector<TableNames> tables) = 0;

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
    // The same in another language ("sv" or "en"): for words read by someone who is not
    // at the screen, as a phone in the room whose browser speaks another language.
    virtual const char* tr_in(std::string_view language, const char* msgid) = 0;

    // entities() and tr() in the shapes a plugin's model takes them (it runs
    // without a window too: tests and benchmarks hand it stand-ins).
    EntitySource entity_source() {
        return [this](std::string_view kind, bool* available) { return entities(kind, available); };
    }
    EntitySelect entity_select() {
        return [this](std::string_view kind, const EntityFilter& filter, bool* available) {
            return entities_where(kind, filter, available);
        };
    }
    Translate translator() {
        return [this](const char* msgid) { return tr(msgid); };
    }
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

}  // namespace kartla
