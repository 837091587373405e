#pragma once
// The host side of the plugin API, shared by the GUI and the command line: the
// loaded plugins, everything they registered, and the open workshop.
#include "kartla/plugin_api.hpp"
#include "kartla/workshop.hpp"
#include "host/plugin_start_guard.hpp"
#include "host/session.hpp"

#include <fmt/format.h>

#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kartla {

enum class PluginStatus { Loaded, Failed, Disabled, Skipped };  // Skipped: never opened at this start

// How the program starts its plugins (kartla --safe-mode, --disable-plugin ID, --retry-plugin ID).
struct PluginStartOptions {
    bool safe_mode = false;               // no plugin at all
    std::vector<std::string> disabled;    // ids (file stems) left out of this start
    std::vector<std::string> retry;       // held-back plugins to try again
};

struct PluginRecord {
    std::string id;
    std::string name;
    std::string version;
    std::filesystem::path path;
    PluginStatus status = PluginStatus::Failed;
    std::string message;            // why it failed or was disabled
    std::string workshop_problem;   // why its tables are not usable in the open workshop
    bool held_back = false;         // skipped because it stopped an earlier start (plugin_start_guard.hpp)
    std::vector<std::string> migrations;
    const PluginDescriptor* descriptor = nullptr;
    Plugin* instance = nullptr;
    std::unique_ptr<Host> host;
};

template <typename Spec>
struct Tagged {
    std::string plugin_id;
    Spec spec;
};

struct UserMessage {
    LogLevel level;
    std::string text;
};

// What the runtime's holder gives plugins through their Host (host/plugin_host.hpp):
// the words of the UI's language, the text zoom, bringing a view to the front.
// The window's shell gives all three, the command line its translations. Without
// one: the English msgids, 100 %, and no view to show.
class Frontend {
public:
    // A component's string (a plugin's id, or "core"): its catalogue first (Translations::translate_in).
    virtual const char* translate_in(std::string_view component, const char* msgid) = 0;
    virtual float ui_scale() { return 1.0f; }
    virtual void show_view(std::string_view) {}

protected:
    ~Frontend() = default;
};

class KARTLA_API Runtime {
public:
    Runtime();
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // --- plugins
    // Default search folders: next to the program and the user's data folder.
    static std::vector<std::filesystem::path> default_plugin_dirs();
    void load_plugins(const std::vector<std::filesystem::path>& dirs);
    // The program's start: the default folders, honouring the options, with the
    // start guard's markers in guard_folder (normally paths::safe_start_dir()).
    void start_plugins(const PluginStartOptions& options, const std::filesystem::path& guard_folder);
    bool safe_mode() const { return safe_mode_; }
    // What start_plugins could not do as asked (a --retry-plugin name that no
    // held-back plugin has), in a sentence each; also posted as messages.
    const std::vector<std::string>& start_problems() const { return start_problems_; }
    // Held-back plugins the window's user has not yet answered for (start without / try again).
    std::vector<HeldBackPlugin> held_back_to_ask() const;
    void start_without(std::string_view id);  // keep it held back, stop asking
    // A held-back or turned-off plugin, loaded again now (not while iterating plugins()).
    bool retry_plugin(std::string_view id);
    // Returns false (and records why) when the file is refused or fails.
    bool load_plugin(const std::filesystem::path& file);
    void disable_plugin(std::string_view id, std::string_view reason);
    const std::vector<std::unique_ptr<PluginRecord>>& plugins() const { return plugins_; }
    bool plugin_usable(std::string_view id) const;
    // The loaded plugins' migrations: what a workshop file may hold besides the
    // core's tables (give it to Workshop::open).
    SchemaCatalog known_schema() const;

    // --- the workshop: the session's (host/session.hpp); setting one prepares the plugins' tables in it
    Session& session() { return session_; }
    void set_workshop(std::unique_ptr<Workshop> workshop);
    Workshop* workshop() { return session_.workshop(); }
    std::unique_ptr<Workshop> take_workshop() { return session_.take_workshop(); }

    // --- parts of the workshop that no installed plugin reads
    // The ids of the parts `workshop` holds (a plugin's row in
    // core_plugin_schema) whose plugin is not installed here, not even as a
    // failed or held-back one. Their tables open unverified and stay unchanged
    // (storage/schema_guard.hpp). Empty in safe mode, which knows of no plugin.
    std::vector<std::string> missing_plugins(Workshop& workshop) const;
    // What the window shows and every export states about them, one sentence
    // each, in the user's language (PluginHost::add_export fills ExportOptions::notices).
    std::vector<std::string> missing_plugin_notices(Workshop& workshop) const;
    std::string missing_plugin_notice(std::string_view id) const;

    // --- what plugins registered
    const std::vector<Tagged<ViewSpec>>& views() const { return views_; }
    const std::vector<Tagged<CommandSpec>>& commands() const { return commands_; }
    const std::vector<Tagged<ExportSpec>>& exports() const { return exports_; }
    const std::vector<Tagged<EntityKindSpec>>& entity_kinds() const { return entity_kinds_; }
    const std::vector<Tagged<SampleSpec>>& sample_loaders() const { return sample_loaders_; }
    const std::vector<Tagged<PhoneRouteSpec>>& phone_routes() const { return phone_routes_; }
    const ExportSpec* find_export(std::string_view format) const;
    // The report sections of usable plugins, by ascending order (registration
    // order within one order), titles translated.
    std::vector<ReportSectionSpec> report_sections() const;
    std::vector<Entity> entities(std::string_view kind, bool* available = nullptr);
    std::vector<Entity> entities_where(std::string_view kind, const EntityFilter& filter, bool* available = nullptr);

    // --- what a plugin's Host registers, tagged with the plugin's id (host/plugin_host.hpp)
    void add(std::string plugin_id, ViewSpec view) { views_.push_back({std::move(plugin_id), std::move(view)}); }
    void add(std::string plugin_id, CommandSpec command) { commands_.push_back({std::move(plugin_id), std::move(command)}); }
    void add(std::string plugin_id, ExportSpec exporter) { exports_.push_back({std::move(plugin_id), std::move(exporter)}); }
    void add(std::string plugin_id, EntityKindSpec kind) { entity_kinds_.push_back({std::move(plugin_id), std::move(kind)}); }
    void add(std::string plugin_id, SampleSpec loader) { sample_loaders_.push_back({std::move(plugin_id), std::move(loader)}); }
    void add(std::string plugin_id, ReportSectionSpec section) {
        report_sections_.push_back({std::move(plugin_id), std::move(section)});
    }
    void add(std::string plugin_id, PhoneRouteSpec route) { phone_routes_.push_back({std::move(plugin_id), std::move(route)}); }
    // The migrations a plugin declared for its tables (Host::add_schema).
    void set_schema(std::string_view plugin_id, std::vector<std::string> migrations);
    // The open workshop as one plugin may use it: null while its tables are not usable there.
    Workshop* workshop_for(std::string_view plugin_id);

    void remove_view(std::string_view key);
    // Host code that is not a plugin registers under the id "core".
    Host& core_host();

    // Calls into plugins go through here: an exception disables the plugin.
    // `what` is an English msgid ("drawing"), shown translated.
    template <typename Fn>
    bool guarded(std::string_view plugin_id, const char* what, Fn&& fn) {
        try {
            fn();
            return true;
        } catch (const std::exception& e) {
            disable_plugin(plugin_id, fmt::format("{}: {}", translate(what), e.what()));
        } catch (...) {
            disable_plugin(plugin_id, fmt::format("{}: {}", translate(what), translate("an unknown error")));
        }
        return false;
    }

    // A user's action in a plugin (an export, a command): a failure is a message
    // in the UI's language, "<failed_msgid>: <reason>", and changes nothing else;
    // the plugin stays on (only a fault out of drawing or starting, `guarded`,
    // turns one off). Returns the translated reason, empty when it went well.
    std::string attempt(std::string_view plugin_id, const char* failed_msgid, const std::function<void()>& action);
    // Why an action failed, in the UI's language where kartla knows the reason.
    std::string failure_reason(const std::exception& error) const;

    // --- messages, translations (through the holder's Frontend, set_frontend; null: none)
    void post_message(LogLevel level, std::string text);
    std::deque<UserMessage>& messages() { return messages_; }
    void set_frontend(Frontend* frontend) { frontend_ = frontend; }
    Frontend* frontend() const { return frontend_; }
    const char* translate(const char* msgid) const { return translate_in("core", msgid); }
    const char* translate_in(std::string_view component, const char* msgid) const {
        return frontend_ ? frontend_->translate_in(component, msgid) : msgid;
    }
    // An undo step's label in the current language, from its component's catalogue.
    const char* step_text(const EditLabel& label) const { return translate_in(label.component, label.msgid.c_str()); }
    float ui_scale() const { return frontend_ ? frontend_->ui_scale() : 1.0f; }
    void show_view(std::string_view key) const {
        if (frontend_) frontend_->show_view(key);
    }
    bool echo_messages_to_stderr = true;

private:
    void drop_registrations(std::string_view plugin_id);
    void prepare_plugin_tables(PluginRecord& plugin);
    PluginRecord* find(std::string_view id);
    std::string skip_reason(const std::string& id) const;
    std::string unknown_retry(std::string_view given) const;

    bool safe_mode_ = false;
    std::vector<std::string> skipped_ids_;
    std::vector<std::string> start_problems_;
    std::unique_ptr<PluginStartGuard> start_guard_;  // only for the program's own start

    std::vector<std::unique_ptr<PluginRecord>> plugins_;
    std::unique_ptr<Host> core_host_;
    Session session_;
    std::vector<Tagged<ViewSpec>> views_;
    std::vector<Tagged<CommandSpec>> commands_;
    std::vector<Tagged<ExportSpec>> exports_;
    std::vector<Tagged<EntityKindSpec>> entity_kinds_;
    std::vector<Tagged<SampleSpec>> sample_loaders_;
    std::vector<Tagged<ReportSectionSpec>> report_sections_;
    std::vector<Tagged<PhoneRouteSpec>> phone_routes_;
    std::deque<UserMessage> messages_;
    Frontend* frontend_ = nullptr;
    ImGuiContext* owned_context_ = nullptr;  // created when no window made one (command line)
};

}  // namespace kartla
