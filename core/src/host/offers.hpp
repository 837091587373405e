#pragma once
// What the usable plugins offer, read from the registry: an export by its format,
// the report's parts, the entities of a kind, which table holds each kind's ids,
// and tables' and fields' names. The window, the command line, the phone server and
// plugins (through their Host) ask the same questions, so one object answers them.
// A plugin turned off (by a fault, or missing) offers nothing.
#include "kartla/entities.hpp"
#include "kartla/exports.hpp"
#include "kartla/reports.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kartla {

class Runtime;

class Offers {
public:
    explicit Offers(Runtime& runtime) : runtime_(runtime) {}

    const ExportSpec* find_export(std::string_view format) const;
    // By ascending order (registration order within one order), titles in their plugin's words.
    std::vector<ReportSectionSpec> report_sections() const;
    // The entities of a kind (Host::entities); `available`: some usable plugin lists the kind.
    std::vector<Entity> entities(std::string_view kind, bool* available = nullptr) const;
    std::vector<Entity> entities_where(std::string_view kind, const EntityFilter& filter,
                                       bool* available = nullptr) const;
    // By entity kind, the table whose key is its id (EntityKindSpec::table): what a
    // merge checks links against (merge::LinkTargets).
    std::map<std::string, std::string> link_targets() const;
    // A table, and a field of it, as the plugin that owns it calls them (Host::add_table_names),
    // in the UI's language; a table no plugin names is shown as it is, a field not named as "".
    std::string table_name(std::string_view table) const;
    std::string field_name(std::string_view table, std::string_view column) const;

private:
    template <typename List>
    std::vector<Entity> collect(std::string_view kind, bool* available, List&& list) const;

    Runtime& runtime_;
};

}  // namespace kartla
