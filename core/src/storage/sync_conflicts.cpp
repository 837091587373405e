#include "storage/sync_conflicts.hpp"

#include <algorithm>
#include <regex>
#include <string>

namespace kartla::sync_conflicts {

namespace {

// What the clients put between the original's stem and its extension.
bool conflict_infix(const std::string& infix) {
    // OneDrive and SharePoint: "-" and the computer's name, which Windows keeps in capitals.
    static const std::regex onedrive(R"(^-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]*$)");
    // Nextcloud and ownCloud: the date and, from Nextcloud 3, the time.
    static const std::regex nextcloud(R"(^ \(conflicted copy \d{4}-\d{2}-\d{2}( \d{6})?\)$)");
    // Syncthing: date, time and the first characters of the other device's id.
    static const std::regex syncthing(R"(^\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+$)");
    // Dropbox: whose machine, the date, and a number when there are several.
    static const std::regex dropbox(R"(^ \(.+(?:'|\xE2\x80\x99)s conflicted copy \d{4}-\d{2}-\d{2}( \(\d+\))?\)$)");
    return std::regex_match(infix, onedrive) || std::regex_match(infix, nextcloud) || std::regex_match(infix, syncthing) ||
           std::regex_match(infix, dropbox);
}

}  // namespace

bool is_conflict_copy(std::string_view candidate, std::string_view original) {
    auto dot = original.rfind('.');
    std::string_view stem = dot == std::string_view::npos || dot == 0 ? original : original.substr(0, dot);
    std::string_view extension = stem.size() == original.size() ? std::string_view() : original.substr(dot);
    if (candidate.size() <= original.size() || !candidate.starts_with(stem) || !candidate.ends_with(extension))
        return false;
    return conflict_infix(std::string(candidate.substr(stem.size(), candidate.size() - stem.size() - extension.size())));
}

std::vector<std::filesystem::path> beside(const std::filesystem::path& file) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    auto name = file.filename().string();
    for (std::filesystem::directory_iterator it(file.parent_path(), ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && is_conflict_copy(it->path().filename().string(), name)) out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace kartla::sync_conflicts
