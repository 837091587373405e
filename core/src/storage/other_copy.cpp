#include "storage/other_copy.hpp"

#include <fmt/format.h>

#include <map>

namespace kartla::other_copy {

namespace {

// Core schema 5 only rebuilt the history (without an index on its ids), which no
// changeset names: a copy at 4, as a sync client kept it, merges into one at 5.
std::int64_t core_tables_version(std::int64_t user_version) { return user_version == 5 ? 4 : user_version; }

std::map<std::string, std::int64_t> versions(Database& db) {
    std::map<std::string, std::int64_t> out{{"core", core_tables_version(db.scalar_int("PRAGMA user_version"))}};
    auto& rows = db.prepare("SELECT plugin_id, version FROM core_plugin_schema").with();
    while (rows.step()) out[rows.text(0)] = rows.int64(1);
    return out;
}

}  // namespace

std::variant<std::unique_ptr<Workshop>, std::string> open(const std::filesystem::path& path, Workshop& mine,
                                                          const SchemaCatalog& known) {
    std::error_code ec;
    if (std::filesystem::equivalent(path, mine.path(), ec)) return std::string("Choose another file than the open workshop.");
    auto opened = Workshop::open(path, OpenMode::ReadOnly, false, known);
    if (auto* e = std::get_if<OpenError>(&opened)) return e->message;
    auto theirs = std::move(std::get<std::unique_ptr<Workshop>>(opened));
    auto here = versions(mine.db());
    auto there = versions(theirs->db());
    for (const auto& [part, version] : here) {
        auto found = there.find(part);
        std::int64_t other = found == there.end() ? 0 : found->second;
        if (other != version)
            return fmt::format("{}: saved with another version of kartla's part \"{}\" (its tables are at version {}, "
                               "this file's at {}); merge the copies in the kartla that saved them. Nothing was merged.",
                               path.filename().string(), part, other, version);
    }
    return theirs;
}

}  // namespace kartla::other_copy
