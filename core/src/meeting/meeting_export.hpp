#pragma once
// The "meeting-md" export: the header section of a meeting as Markdown
// (details, attendance, agenda with time spent, decisions, parking lot). It
// registers itself as a core part (host/core_parts.hpp).
#include "kartla/plugin_api.hpp"
#include "kartla/translate.hpp"
#include "kartla/workshop.hpp"

#include <functional>
#include <ostream>

namespace kartla {

KARTLA_API void write_meeting_markdown(Workshop& workshop, const ExportOptions& options, const Translate& tr,
                                       std::ostream& out);

}  // namespace kartla
