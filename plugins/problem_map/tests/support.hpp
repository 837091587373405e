#pragma once
// Shared by problem_map's tests: an in-memory workshop with the plugin's tables,
// and reading single values back from the file.
#include "model/schema.hpp"

#include "kartla/workshop.hpp"

#include <memory>
#include <string>

namespace kartla::problem_map::fixture {

// A workshop in memory with problem_map's migrations applied.
std::unique_ptr<Workshop> workshop_with_tables();

template <typename... Args>
std::int64_t number(Workshop& w, const std::string& sql, const Args&... args) {
    return w.db().scalar_int(sql, args...);
}
template <typename... Args>
std::string text(Workshop& w, const std::string& sql, const Args&... args) {
    return w.db().scalar_text(sql, args...);
}

}  // namespace kartla::problem_map::fixture
