#include "ui/shell/settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <type_traits>

namespace kartla::ui {

namespace {

// A value of the wrong type (a hand-edited file, an older kartla) means the default,
// not an exception at start-up.
template <typename T>
T read(const nlohmann::json& json, const char* key, T fallback) {
    auto found = json.find(key);
    if (found == json.end()) return fallback;
    if constexpr (std::is_same_v<T, bool>) return found->is_boolean() ? found->get<bool>() : fallback;
    else if constexpr (std::is_arithmetic_v<T>) return found->is_number() ? found->get<T>() : fallback;
    else return found->is_string() ? found->get<T>() : fallback;
}

}  // namespace

Settings Settings::load(const std::filesystem::path& file) {
    Settings settings;
    std::ifstream in(file);
    if (!in) return settings;
    auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return settings;  // a damaged settings file just means defaults
    settings.text_scale = std::clamp(read(json, "text_scale", 1.0f), 1.0f, 3.0f);
    settings.theme = read(json, "theme", settings.theme);
    settings.language = read(json, "language", settings.language);
    settings.current_view = read(json, "current_view", settings.current_view);
    settings.room_view = read(json, "room_view", settings.room_view);
    if (auto recent = json.find("recent_files"); recent != json.end() && recent->is_array())
        for (auto& entry : *recent)
            if (entry.is_string()) settings.recent_files.push_back(entry.get<std::string>());
    if (auto views = json.find("open_views"); views != json.end() && views->is_object())
        for (auto& [key, value] : views->items())
            if (value.is_boolean()) settings.open_views[key] = value.get<bool>();
    return settings;
}

void Settings::save(const std::filesystem::path& file) const {
    nlohmann::json json{{"text_scale", text_scale},
                        {"theme", theme},
                        {"language", language},
                        {"recent_files", recent_files},
                        {"open_views", open_views},
                        {"current_view", current_view},
                        {"room_view", room_view}};
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    auto temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary);
        if (!out) return;
        out << json.dump(2);
    }
    std::filesystem::rename(temporary, file, ec);
}

void Settings::remember_file(const std::string& path) {
    std::erase(recent_files, path);
    recent_files.insert(recent_files.begin(), path);
    if (recent_files.size() > 8) recent_files.resize(8);
}

}  // namespace kartla::ui
