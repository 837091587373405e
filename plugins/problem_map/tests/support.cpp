#include "support.hpp"

#include <stdexcept>

namespace kartla::problem_map::fixture {

std::unique_ptr<Workshop> workshop_with_tables() {
    auto w = Workshop::in_memory();
    if (auto problem = w->migrate_plugin("problem_map", migrations()); !problem.empty())
        throw std::runtime_error(problem);
    return w;
}

}  // namespace kartla::problem_map::fixture
