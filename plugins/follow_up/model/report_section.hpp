#pragma once
// The follow-up part of the workshop report, for the latest follow-up meeting:
// what changed since the previous meeting, a small chart per indicator (the
// values recorded at each meeting, the baseline as a line), and what the
// meeting recorded per measure.
#include "change_text.hpp"

#include "kartla/document.hpp"

namespace kartla::follow_up {

// `select` reads the few entities the changes name (Host::entities_where); without it,
// `source` filtered in memory.
kartla::doc::Section report_section(Database& db, const EntitySource& source, const Translate& tr,
                                    const EntitySelect& select = {});

}  // namespace kartla::follow_up
