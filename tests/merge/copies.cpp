#include "copies.hpp"

#include <doctest/doctest.h>

namespace kartla::test {

Copies::Copies(std::string plugin, std::vector<std::string> steps) {
    known_.plugins.emplace_back(plugin, steps);
    base_ = must(Workshop::create(dir_ / "base.kartla"));
    if (auto problem = base_->migrate_plugin(plugin, steps); !problem.empty()) FAIL(problem);
}

std::unique_ptr<Workshop> Copies::copy(const std::string& name) { return copy_of(*base_, name); }

std::unique_ptr<Workshop> Copies::copy_of(Workshop& of, const std::string& name) {
    auto saved = of.save_copy(dir_ / name);
    REQUIRE_MESSAGE(saved.ok, saved.message);
    return reopen(name);
}

std::unique_ptr<Workshop> Copies::reopen(const std::string& name) {
    return must(Workshop::open(dir_ / name, OpenMode::ReadWrite, false, known_));
}

std::unique_ptr<Workshop> Copies::reopen_read_only(const std::string& name) {
    return must(Workshop::open(dir_ / name, OpenMode::ReadOnly, false, known_));
}

}  // namespace kartla::test
