#include "dates.hpp"

namespace kartla::action_plan::dates {

std::string month_of(std::string_view iso) { return is_valid(iso) ? std::string(iso.substr(0, 7)) : std::string(); }

std::string compact(std::string_view iso) {
    if (!is_valid(iso)) return {};
    return std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2));
}

}  // namespace kartla::action_plan::dates
