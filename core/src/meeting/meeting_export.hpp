#pragma once
// The "meeting-md" export: the header section of a meeting as Markdown
// (details, attendance, agenda with time spent, decisions, parking lot).
#include "kartla/plugin_api.hpp"
#include "kartla/workshop.hpp"

#include <functional>
#include <ostream>

namespace kartla {

using Translate = std::function<const char*(const char*)>;

KARTLA_API void write_meeting_markdown(Workshop& workshop, const ExportOptions& options, const Translate& tr,
                                       std::ostream& out);
// Registers the export with the core's host.
KARTLA_API void register_meeting_export(Host& core_host, Translate tr);

}  // namespace kartla
