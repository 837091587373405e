#pragma once
// The plugins of this run: found, checked and loaded (plugin_set.cpp), held
// back after a crash at start (plugin_start_guard.hpp), turned off after a
// fault and on again, and the parts of a workshop whose plugin is not here
// (missing_plugins.cpp).
#include "kartla/plugin_api.hpp"
#include "host/plugin_start_guard.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kartla {

class Runtime;

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

class KARTLA_API PluginSet {
public:
    explicit PluginSet(Runtime& runtime);
    ~PluginSet();
    // Destroys the plugins' instances, last loaded first (before the runtime they use goes).
    void destroy_instances();
    PluginSet(const PluginSet&) = delete;
    PluginSet& operator=(const PluginSet&) = delete;

    // Default search folders: next to the program and the user's data folder.
    static std::vector<std::filesystem::path> default_dirs();
    void load_all(const std::vector<std::filesystem::path>& dirs);
    // The program's start: the default folders, honouring the options, with the
    // start guard's markers in guard_folder (normally paths::safe_start_dir()).
    void start(const PluginStartOptions& options, const std::filesystem::path& guard_folder);
    // Returns false (and records why) when the file is refused or fails.
    bool load(const std::filesystem::path& file);
    bool safe_mode() const { return safe_mode_; }
    // What start() could not do as asked (a --retry-plugin name that no
    // held-back plugin has), in a sentence each; also posted as messages.
    const std::vector<std::string>& start_problems() const { return start_problems_; }
    // Held-back plugins the window's user has not yet answered for (start without / try again).
    std::vector<HeldBackPlugin> held_back_to_ask() const;
    void start_without(std::string_view id);  // keep it held back, stop asking
    // A held-back or turned-off plugin, loaded again now (not while iterating).
    bool retry(std::string_view id);
    void disable(std::string_view id, std::string_view reason);

    bool usable(std::string_view id) const;  // loaded, and its tables usable in the open workshop
    PluginRecord* find(std::string_view id);
    auto begin() const { return records_.begin(); }
    auto end() const { return records_.end(); }
    bool empty() const { return records_.empty(); }

    // The migrations a plugin declared for its tables (Host::add_schema); the loaded
    // plugins' together are what a workshop file may hold besides the core's tables
    // (give known_schema() to Workshop::open).
    void set_schema(std::string_view plugin_id, std::vector<std::string> migrations);
    SchemaCatalog known_schema() const;
    // Makes each plugin's tables ready in the newly opened workshop (none: nullptr).
    void prepare_tables(Workshop* workshop);

    // The ids of the parts `workshop` holds (a plugin's row in core_plugin_schema)
    // whose plugin is not installed here, not even as a failed or held-back one.
    // Their tables open unverified and stay unchanged (storage/schema_guard.hpp).
    // Empty in safe mode, which knows of no plugin.
    std::vector<std::string> missing(Workshop& workshop) const;
    // What the window shows and every export states about them, one sentence
    // each, in the user's language (PluginHost::add_export fills ExportOptions::notices).
    std::vector<std::string> missing_notices(Workshop& workshop) const;
    std::string missing_notice(std::string_view id) const;

private:
    void prepare_tables(PluginRecord& plugin, Workshop* workshop);
    std::string skip_reason(const std::string& id) const;
    std::string unknown_retry(std::string_view given) const;

    Runtime& runtime_;
    bool safe_mode_ = false;
    std::vector<std::string> skipped_ids_;
    std::vector<std::string> start_problems_;
    std::unique_ptr<PluginStartGuard> start_guard_;  // only for the program's own start
    std::vector<std::unique_ptr<PluginRecord>> records_;
};

}  // namespace kartla
