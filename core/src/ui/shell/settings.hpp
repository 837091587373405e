#pragma once
// What a user chose, kept between runs in ~/.config/kartla/settings.json.
#include "kartla/api.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kartla::ui {

struct KARTLA_API Settings {
    float text_scale = 1.0f;
    std::string theme = "light";
    std::string language;  // empty: from the system
    std::vector<std::string> recent_files;
    std::map<std::string, bool> open_views;  // side views
    std::string current_view;                 // the main view on the stage
    bool room_view = true;  // show the room view when a second screen is connected

    static Settings load(const std::filesystem::path& file);
    void save(const std::filesystem::path& file) const;  // silently keeps going if it cannot
    void remember_file(const std::string& path);
};

}  // namespace kartla::ui
