#pragma once
// Draws every view of every loaded plugin, as the window does (the same shell,
// stage, fonts and theme), in each configuration, and judges each picture.
// A plugin gets the audit by registering its views: the session walks the
// registry of views, the tab bars a view draws, its side views, its room
// drawing and presentation mode.
#include "layout_checks.hpp"

#include <filesystem>
#include <iosfwd>
#include <set>
#include <string>
#include <vector>

namespace kartla::audit {

struct Configuration {
    std::string language;  // "sv", "en"
    int percent = 100;     // text size
    int width = 1920, height = 1080;
    std::string name() const;  // "sv-1920x1080-200"
};

struct AuditOptions {
    std::vector<std::filesystem::path> plugin_dirs;  // empty: where the program finds its plugins
    std::vector<Configuration> configurations;
    std::filesystem::path out;
    std::set<int> picture_percents;  // text sizes whose pictures are written
    std::string views;  // a regular expression: only shots whose name it finds are judged (empty: all)
};

struct Shot {
    std::string workshop;  // "sample", "sample (long texts)"
    Configuration configuration;
    std::string view;      // "problem_map.board", "problem_map.board/Matris", "presentation:…", "room:…"
    std::vector<Defect> defects;
};

// One workshop (a copy the session may change; empty: a new, empty workshop
// created in `scratch`) through every configuration. Returns an error line when
// the workshop cannot be opened; plugins that did not load are said on `notes`.
std::string audit_workshop(const AuditOptions& options, const std::string& label,
                           const std::filesystem::path& workshop, const std::filesystem::path& scratch,
                           std::vector<Shot>& shots, std::ostream& notes);

}  // namespace kartla::audit
