#pragma once
// The problem map's parts of the lägesbild (the situation picture the law asks
// for, lag 2023:196 §4, in the order of Brå's guidance): the survey of the
// problems (what, where, when, who is affected, extent, trend), the sources and
// their limitations, and the analysis (causes, risk and protective factors,
// the priorities and their grounds).
#include "queries.hpp"

#include "kartla/document.hpp"

namespace kartla::problem_map {

doc::Section survey_section(const Snapshot& s, const Translate& tr);
doc::Section sources_section(const Snapshot& s, const Translate& tr);
doc::Section analysis_section(const Snapshot& s, const Translate& tr);

}  // namespace kartla::problem_map
