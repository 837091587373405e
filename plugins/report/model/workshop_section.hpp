#pragma once
// The report's own part: the workshop header, its meetings and who attended,
// all from the core's data.
#include "kartla/database.hpp"
#include "kartla/document.hpp"

#include <functional>
#include <string>

namespace kartla::report {

using Translate = std::function<std::string(const char* msgid)>;

kartla::doc::Section workshop_section(kartla::Database& db, const Translate& tr);

}  // namespace kartla::report
