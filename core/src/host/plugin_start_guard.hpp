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
#include <vector>

namespace kartla {

struct HeldBackPlugin {
    std::string id;              // the file's stem, known before anything is loaded
    std::filesystem::path path;  // the canonical file
    bool acknowledged = false;   // the window's user chose to start without it
};

class KARTLA_API PluginStartGuard {
public:
    explicit PluginStartGuard(std::filesystem::path folder);

    // Markers of starts that died become held-back plugins; returns the new ones.
    std::vector<HeldBackPlugin> collect_crashes();
    const std::vector<HeldBackPlugin>& held_back() const { return held_back_; }
    const HeldBackPlugin* held_back_entry(const std::filesystem::path& file) const;
    void release(std::string_view id);      // try it again
    void acknowledge(std::string_view id);  // "Start without it": no more asking

    void starting(const std::string& id, const std::filesystem::path& file);
    void started();

private:
    void save() const;

    std::filesystem::path folder_;
    std::filesystem::path marker_;
    std::vector<HeldBackPlugin> held_back_;
};

}  // namespace kartla
