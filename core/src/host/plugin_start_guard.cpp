#include "host/plugin_start_guard.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kartla {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeldBackFile = "held-back";
constexpr const char* kMarkerPrefix = "starting-";

// The kernel's start time of a process, so that a pid used again by another
// process is not taken for the one that wrote the marker. Empty when it is gone.
std::string process_start_time(long pid) {
    std::ifstream stat(fmt::format("/proc/{}/stat", pid));
    std::string line;
    if (!std::getline(stat, line)) return {};
    auto after_name = line.rfind(')');  // the command name may hold spaces and parentheses
    if (after_name == std::string::npos) return {};
    std::istringstream fields(line.substr(after_name + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i)  // field 22 is starttime
        if (i == 22) return field;
    return {};
}

bool write_file(const fs::path& path, const std::string& text) {
    fs::path temp = path;
    temp += ".new";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    fs::rename(temp, path, ec);  // whole or not at all, even if this start dies now
    return !ec;
}

// A plugin's name goes into line- and tab-separated files as one field.
std::string one_field(std::string text) {
    for (auto& c : text)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return text;
}

}  // namespace

PluginStartGuard::PluginStartGuard(fs::path folder)
    : folder_(std::move(folder)), marker_(folder_ / fmt::format("{}{}", kMarkerPrefix, ::getpid())) {
    std::ifstream in(folder_ / kHeldBackFile);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        HeldBackPlugin entry;
        std::string path, acknowledged;
        if (std::getline(fields, entry.id, '\t') && std::getline(fields, path, '\t') &&
            std::getline(fields, acknowledged, '\t')) {
            std::getline(fields, entry.name);  // absent in a list an older kartla wrote
            entry.path = path;
            entry.acknowledged = acknowledged == "1";
            held_back_.push_back(std::move(entry));
        }
    }
}

std::vector<HeldBackPlugin> PluginStartGuard::collect_crashes() {
    std::vector<HeldBackPlugin> found;
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(folder_, ec)) {
        std::string name = item.path().filename().string();
        if (!name.starts_with(kMarkerPrefix) || name.ends_with(".new")) continue;
        std::ifstream in(item.path());
        std::string pid, start_time, id, path, plugin_name;
        if (!(in >> pid >> start_time) || !std::getline(in >> std::ws, id) || !std::getline(in, path)) {
            fs::remove(item.path(), ec);  // not ours, or cut short: it names nothing
            continue;
        }
        std::getline(in, plugin_name);  // written once the library said who it is
        long number = std::strtol(pid.c_str(), nullptr, 10);
        if (number == ::getpid()) continue;
        if (!process_start_time(number).empty() && process_start_time(number) == start_time) continue;  // still starting
        fs::remove(item.path(), ec);
        bool known = std::any_of(held_back_.begin(), held_back_.end(), [&](auto& e) { return e.path == path; });
        if (!known) {
            held_back_.push_back({id, path, false, plugin_name});
            found.push_back(held_back_.back());
        }
    }
    if (!found.empty()) save();
    return found;
}

const HeldBackPlugin* PluginStartGuard::held_back_entry(const fs::path& file) const {
    for (auto& entry : held_back_)
        if (entry.path == file) return &entry;
    return nullptr;
}

bool HeldBackPlugin::named(std::string_view given) const {
    return !given.empty() && (given == id || given == path.filename().string() || given == path.stem().string());
}

bool PluginStartGuard::release(std::string_view given) {
    if (std::erase_if(held_back_, [&](auto& entry) { return entry.named(given); }) == 0) return false;
    save();
    return true;
}

void PluginStartGuard::acknowledge(std::string_view id) {
    for (auto& entry : held_back_)
        if (entry.id == id) entry.acknowledged = true;
    save();
}

void PluginStartGuard::save() const {
    std::string text;
    for (auto& entry : held_back_)
        text += fmt::format("{}\t{}\t{}\t{}\n", entry.id, entry.path.string(), entry.acknowledged ? 1 : 0, one_field(entry.name));
    std::error_code ec;
    fs::create_directories(folder_, ec);
    write_file(folder_ / kHeldBackFile, text);
}

void PluginStartGuard::starting(const std::string& id, const fs::path& file, const std::string& name) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    write_file(marker_,
               fmt::format("{} {}\n{}\n{}\n{}\n", ::getpid(), process_start_time(::getpid()), id, file.string(), one_field(name)));
}

void PluginStartGuard::started() {
    std::error_code ec;
    fs::remove(marker_, ec);
}

}  // namespace kartla
