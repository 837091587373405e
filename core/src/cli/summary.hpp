#pragma once
// `kartla summary`: an overview across several workshops (one per area or
// year) for the crime-prevention coordinator. It reads only what plugins
// publish (Host entities and their attributes), never a plugin's tables, so it
// keeps working when a plugin changes its storage.
#include "kartla/api.hpp"
#include "host/runtime.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kartla::summary {

using Counts = std::map<std::string, int>;

struct WorkshopSummary {
    std::string file;  // as given on the command line
    std::string title;
    std::string organisation;
    std::string date;
    int problems = 0;
    int prioritised = 0;
    int measures = 0;
    Counts problems_by_category;     // every problem, "" category as "(none)"
    Counts prioritised_by_category;  // prioritised problems only
    Counts measures_by_status;       // status codes: proposed, decided, in_progress, done, paused, cancelled
    Counts measures_by_light;        // green, yellow, red, "(none)"
    Counts measures_by_owner_type;   // the responsible actor's type, "(no owner)"
    std::vector<std::string> overdue;  // titles of open measures due before `today`
    std::vector<std::string> missing_kinds;  // entity kinds no loaded plugin publishes
};

// Summarises the workshop open in `runtime` (plugins loaded). `today` is YYYY-MM-DD.
KARTLA_API WorkshopSummary summarize(Runtime& runtime, const std::string& today);

KARTLA_API std::string to_csv(const std::vector<WorkshopSummary>& workshops, char separator);
KARTLA_API std::string to_markdown(const std::vector<WorkshopSummary>& workshops, const std::string& today);

KARTLA_API std::string today_iso();

}  // namespace kartla::summary
