#pragma once
// The other copy of a merge is a file from someone else: it is opened with the
// same trust checks as any open (schema guard, newer version, damage), only
// read, and must record the same versions of the core's and the plugins' tables
// as this copy, since its history's changesets are in the form those versions give.
#include "kartla/workshop.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

namespace kartla::other_copy {

// The other copy, opened read-only, or a sentence saying why it was not.
KARTLA_API std::variant<std::unique_ptr<Workshop>, std::string> open(const std::filesystem::path& path, Workshop& mine,
                                                                     const SchemaCatalog& known);

}  // namespace kartla::other_copy
