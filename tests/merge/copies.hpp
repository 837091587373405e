#pragma once
// Two copies of one workshop file for the merge tests: a "plugin" table set
// (mtest) created through the plugins' migration path, and the copies opened
// as kartla opens any file, with that schema trusted.
#include "content_dump.hpp"
#include "kartla/workshop.hpp"
#include "must_open.hpp"
#include "temp_dir.hpp"

#include <memory>
#include <string>
#include <vector>

namespace kartla::test {

class Copies {
public:
    // `plugin` and `steps`: the one plugin's schema the copies have.
    Copies(std::string plugin, std::vector<std::string> steps);
    Workshop& base() { return *base_; }
    // A copy of the base as it is now, opened read-write.
    std::unique_ptr<Workshop> copy(const std::string& name);
    // A copy of `of`, opened read-write.
    std::unique_ptr<Workshop> copy_of(Workshop& of, const std::string& name);
    // `name` opened read-only, as the other copy of a merge is.
    std::unique_ptr<Workshop> reopen(const std::string& name);
    std::unique_ptr<Workshop> reopen_read_only(const std::string& name);
    const SchemaCatalog& known() const { return known_; }
    const TempDir& dir() const { return dir_; }

private:
    TempDir dir_;
    SchemaCatalog known_;
    std::unique_ptr<Workshop> base_;
};

}  // namespace kartla::test
