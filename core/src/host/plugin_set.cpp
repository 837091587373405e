// The plugins of this run (plugin_set.hpp). Finding and loading plugin libraries: Only absolute paths, never the current
// directory, never a file or folder that others may write to; every field of
// the descriptor is checked before any plugin code beyond the entry runs.
#include "host/paths.hpp"
#include "host/plugin_file_check.hpp"
#include "host/plugin_host.hpp"
#include "host/plugin_set.hpp"
#include "host/runtime.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace kartla {

namespace fs = std::filesystem;

namespace {

bool valid_plugin_id(std::string_view id) {
    return !id.empty() && id.size() <= 40 && id != "core" && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string check_descriptor(const PluginDescriptor* d) {
    if (!d) return "the entry point returned nothing";
    if (d->struct_size < sizeof(PluginDescriptor)) return "its descriptor is from an older plugin interface";
    if (d->abi_version != kPluginAbiVersion)
        return fmt::format("it was built for plugin interface {}, this kartla needs {}", d->abi_version, kPluginAbiVersion);
    if (!d->imgui_version || std::strcmp(d->imgui_version, IMGUI_VERSION) != 0)
        return fmt::format("it was built with Dear ImGui {}, kartla uses {}", d->imgui_version ? d->imgui_version : "?",
                           IMGUI_VERSION);
    if (d->sizeof_imgui_io != sizeof(ImGuiIO) || d->sizeof_imgui_style != sizeof(ImGuiStyle) ||
        d->sizeof_imdrawvert != sizeof(ImDrawVert) || d->sizeof_imdrawidx != sizeof(ImDrawIdx))
        return "it was built with a differently configured Dear ImGui";
    if (!d->id || !valid_plugin_id(d->id)) return "its id is missing or not of lower-case letters, digits and _";
    if (!d->name || !d->version || !d->create || !d->destroy) return "its descriptor is incomplete";
    return {};
}

// Removes this start's marker however loading one plugin ends, short of a crash.
struct StartMarker {
    PluginStartGuard* guard;
    fs::path file;
    StartMarker(PluginStartGuard* g, const std::string& id, const fs::path& f) : guard(g), file(f) {
        if (guard) guard->starting(id, file);
    }
    // The library said who it is: a crash from here on names it by its id.
    void known(const PluginDescriptor& d) const {
        if (guard) guard->starting(d.id, file, d.name);
    }
    ~StartMarker() {
        if (guard) guard->started();
    }
};

}  // namespace

PluginSet::PluginSet(Runtime& runtime) : runtime_(runtime) {}

PluginSet::~PluginSet() = default;

void PluginSet::destroy_instances() {
    // Plugins go in reverse order; their libraries stay mapped (RTLD_NODELETE),
    // so no callback of theirs can outlive its code.
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
        auto& plugin = **it;
        if (plugin.instance && plugin.descriptor) {
            runtime_.guarded(plugin.id, "destroy", [&] { plugin.descriptor->destroy(plugin.instance); });
            plugin.instance = nullptr;
        }
    }
}

PluginRecord* PluginSet::find(std::string_view id) {
    for (auto& plugin : records_)
        if (plugin->id == id) return plugin.get();
    return nullptr;
}

bool PluginSet::usable(std::string_view id) const {
    if (id == "core") return true;
    for (auto& plugin : records_)
        if (plugin->id == id) return plugin->status == PluginStatus::Loaded && plugin->workshop_problem.empty();
    return false;
}

void PluginSet::set_schema(std::string_view plugin_id, std::vector<std::string> migrations) {
    if (auto* plugin = find(plugin_id)) plugin->migrations = std::move(migrations);
}

SchemaCatalog PluginSet::known_schema() const {
    SchemaCatalog catalog;
    for (auto& plugin : records_)
        if (plugin->status == PluginStatus::Loaded) catalog.plugins.emplace_back(plugin->id, plugin->migrations);
    return catalog;
}

void PluginSet::prepare_tables(Workshop* workshop) {
    for (auto& plugin : records_) prepare_tables(*plugin, workshop);
}

void PluginSet::prepare_tables(PluginRecord& plugin, Workshop* workshop) {
    plugin.workshop_problem.clear();
    if (!workshop || plugin.status != PluginStatus::Loaded) return;
    plugin.workshop_problem = workshop->migrate_plugin(plugin.id, plugin.migrations);
    if (!plugin.workshop_problem.empty())
        runtime_.messages().post(LogLevel::Warning, fmt::format("{}: its part of this workshop is not available ({})",
                                                                plugin.name, plugin.workshop_problem));
}

void PluginSet::disable(std::string_view id, std::string_view reason) {
    auto* plugin = find(id);
    if (!plugin || plugin->status != PluginStatus::Loaded) return;
    plugin->status = PluginStatus::Disabled;
    plugin->message = std::string(reason);
    runtime_.registry().drop(id);
    runtime_.messages().post(
        LogLevel::Error,
        fmt::format(fmt::runtime(runtime_.translate("The plugin \u201c{}\u201d was turned off ({}). Plugins > Turn on again "
                                                    "starts it again.")),
                    runtime_.frontend().translate_in(plugin->id, plugin->name.c_str()), reason));
    // The instance is kept, not destroyed: its code may be mid-frame or in a broken state.
}

std::vector<fs::path> PluginSet::default_dirs() {
    std::vector<fs::path> dirs{paths::program_dir() / KARTLA_PLUGIN_REL_DIR};
    dirs.push_back(paths::user_data_dir() / "plugins");
    if (const char* extra = std::getenv("KARTLA_PLUGIN_PATH")) {
        std::string_view list(extra);
        while (!list.empty()) {
            auto colon = list.find(':');
            fs::path dir(list.substr(0, colon));
            if (dir.is_absolute()) dirs.push_back(dir);  // a relative entry would mean the current directory
            list = colon == std::string_view::npos ? std::string_view() : list.substr(colon + 1);
        }
    }
    return dirs;
}

void PluginSet::start(const PluginStartOptions& options, const fs::path& guard_folder) {
    safe_mode_ = options.safe_mode;
    if (safe_mode_) return;  // not a single plugin file is opened
    skipped_ids_ = options.disabled;
    start_guard_ = std::make_unique<PluginStartGuard>(guard_folder);
    start_guard_->collect_crashes();
    for (const auto& given : options.retry)
        if (!start_guard_->release(given)) {
            start_problems_.push_back(unknown_retry(given));
            runtime_.messages().post(LogLevel::Warning, start_problems_.back());
        }
    load_all(default_dirs());
}

std::string PluginSet::unknown_retry(std::string_view given) const {
    std::string held;
    for (const auto& entry : start_guard_->held_back())
        held += fmt::format("{}{} ({})", held.empty() ? "" : ", ", entry.id, entry.path.filename().string());
    return fmt::format("--retry-plugin {}: no plugin held back after a crash has that id or file name ({})", given,
                       held.empty() ? "none is held back" : "held back: " + held);
}

std::string PluginSet::skip_reason(const std::string& id) const {
    if (std::find(skipped_ids_.begin(), skipped_ids_.end(), id) != skipped_ids_.end())
        return "turned off for this start (--disable-plugin)";
    return {};
}

std::vector<HeldBackPlugin> PluginSet::held_back_to_ask() const {
    std::vector<HeldBackPlugin> out;
    if (!start_guard_) return out;
    for (const auto& entry : start_guard_->held_back())
        if (!entry.acknowledged)
            for (const auto& plugin : records_)
                if (plugin->held_back && plugin->path == entry.path) out.push_back(entry);
    return out;
}

void PluginSet::start_without(std::string_view id) {
    if (start_guard_) start_guard_->acknowledge(id);
}

bool PluginSet::retry(std::string_view id) {
    auto record = std::find_if(records_.begin(), records_.end(), [&](auto& p) { return p->id == id; });
    if (record == records_.end()) return false;
    PluginRecord& plugin = **record;
    if (plugin.status == PluginStatus::Disabled) {
        // Turned off after a fault in drawing: a fresh instance, registering its parts anew.
        // Its library stays mapped (RTLD_NODELETE), so the same file loads at once.
        if (plugin.instance && plugin.descriptor) {
            Plugin* instance = std::exchange(plugin.instance, nullptr);
            try {
                plugin.descriptor->destroy(instance);
            } catch (...) {
                // Its state was broken already; the new instance starts clean.
            }
        }
    } else if (!plugin.held_back || !start_guard_) {
        return false;
    } else {
        start_guard_->release(id);  // a record only: nothing of it was ever loaded
    }
    fs::path file = plugin.path;
    records_.erase(record);
    return load(file);
}

void PluginSet::load_all(const std::vector<fs::path>& dirs) {
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!dir.is_absolute() || !fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.path().extension() == ".kplug") files.push_back(entry.path());
        std::sort(files.begin(), files.end());  // a stable order, whatever the file system says
        for (const auto& file : files) load(file);
    }
}

bool PluginSet::load(const fs::path& given) {
    auto record = std::make_unique<PluginRecord>();
    record->path = given;
    record->id = given.stem().string();
    record->name = record->id;
    auto refuse = [&](std::string why) {
        record->status = PluginStatus::Failed;
        record->message = why;
        runtime_.messages().post(LogLevel::Error, fmt::format("Plugin {} was not loaded: {}", given.filename().string(), why));
        records_.push_back(std::move(record));
        return false;
    };
    if (!given.is_absolute()) return refuse("only plugins named by an absolute path are loaded");
    std::error_code ec;
    fs::path file = fs::canonical(given, ec);
    if (ec || !fs::is_regular_file(file, ec)) return refuse("not a regular file");
    if (auto unsafe = unsafe_location(file); !unsafe.empty()) return refuse(unsafe);
    auto skip = [&](std::string why) {
        record->status = PluginStatus::Skipped;
        record->message = std::move(why);
        runtime_.messages().post(LogLevel::Warning, fmt::format("The plugin {} was not started: {}", record->id, record->message));
        records_.push_back(std::move(record));
        return false;
    };
    if (auto why = skip_reason(record->id); !why.empty()) return skip(why);
    if (auto* held = start_guard_ ? start_guard_->held_back_entry(file) : nullptr) {
        record->path = file;
        record->id = held->id;  // as the crashed start learnt it from the library
        record->name = held->name.empty() ? held->id : held->name;
        record->held_back = true;
        return skip("kartla stopped while starting it last time, so it is left out until it is tried again");
    }
    if (auto foreign = foreign_library(file); !foreign.empty()) return refuse(foreign);

    StartMarker marker(start_guard_.get(), record->id, file);
    void* library = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!library) return refuse(fmt::format("the library could not be loaded ({})", dlerror()));
    auto entry = reinterpret_cast<PluginEntry>(dlsym(library, kPluginEntrySymbol));
    if (!entry) return refuse(fmt::format("it has no {} entry point", kPluginEntrySymbol));
    const PluginDescriptor* descriptor = entry();
    if (auto wrong = check_descriptor(descriptor); !wrong.empty()) return refuse(wrong);
    marker.known(*descriptor);
    if (find(descriptor->id)) return refuse(fmt::format("a plugin with the id \"{}\" is loaded already", descriptor->id));
    record->id = descriptor->id;  // from here on it is named by its id, whatever its file is called
    record->name = descriptor->name;
    if (auto why = skip_reason(record->id); !why.empty()) return skip(why);

    record->version = descriptor->version;
    record->descriptor = descriptor;
    record->status = PluginStatus::Loaded;
    record->host = std::make_unique<PluginHost>(runtime_, record->id);
    auto& plugin = *record;
    records_.push_back(std::move(record));
    bool created = runtime_.guarded(plugin.id, "starting", [&] { plugin.instance = descriptor->create(*plugin.host); });
    if (!created) {
        plugin.status = PluginStatus::Failed;
        return false;
    }
    prepare_tables(plugin, runtime_.workshop());
    return true;
}

}  // namespace kartla
