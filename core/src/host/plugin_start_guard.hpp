#pragma once
// Safe start: which plugin a kartla was starting when it died, so that the next
// start can name it and start without it.
//
// Before each plugin's dlopen + create a marker naming it is written to the
// user's config folder, one per process ("starting-<pid>"), and it is removed
// once create returned (or threw). A marker whose process is gone therefore
// names the plugin that took its kartla down. The next start turns it into a
// held-back entry ("held-back"): that plugin is skipped, by the window and the
// command line alike, until the user asks to try it again.
#include "kartla/api.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kartla {

struct HeldBackPlugin {
    std::string id;              // the plugin's id; its file's stem when it died before saying it
    std::filesystem::path path;  // the canonical file
    bool acknowledged = false;   // the window's user chose to start without it
    std::string name;            // the plugin's name, as the window shows it; empty when not known
    // `given` names it: its id, its file's name or that name without .kplug.
    bool named(std::string_view given) const;
    const std::string& shown() const { return name.empty() ? id : name; }  // in the window
};

class KARTLA_API PluginStartGuard {
public:
    explicit PluginStartGuard(std::filesystem::path folder);

    // Markers of starts that died become held-back plugins; returns the new ones.
    std::vector<HeldBackPlugin> collect_crashes();
    const std::vector<HeldBackPlugin>& held_back() const { return held_back_; }
    const HeldBackPlugin* held_back_entry(const std::filesystem::path& file) const;
    bool release(std::string_view given);   // try it again (HeldBackPlugin::named); false: none is so named
    void acknowledge(std::string_view id);  // "Start without it": no more asking

    // Before its file is opened (`id` is then the file's stem), and again once
    // the library said who it is, before any code of it beyond the entry runs.
    void starting(const std::string& id, const std::filesystem::path& file, const std::string& name = {});
    void started();

private:
    void save() const;

    std::filesystem::path folder_;
    std::filesystem::path marker_;
    std::vector<HeldBackPlugin> held_back_;
};

}  // namespace kartla
