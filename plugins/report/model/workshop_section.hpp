#pragma once
// The report's own part: the workshop header, its meetings and who attended,
// all from the core's data.
#include "kartla/database.hpp"
#include "kartla/document.hpp"

#include "kartla/translate.hpp"

#include <functional>
#include <string>

namespace kartla::report {

kartla::doc::Section workshop_section(kartla::Database& db, const Translate& tr);

}  // namespace kartla::report
