#pragma once
// The actor map's part of the workshop report: the relationship network and
// the influence × interest grid as pictures, and the actors with their type.
#include "model/gaps.hpp"
#include "model/scene.hpp"

#include "kartla/document.hpp"

namespace kartla::actor_map {

kartla::doc::Section report_section(const Snapshot& snapshot, const Gaps& gaps, const Translate& tr);

}  // namespace kartla::actor_map
