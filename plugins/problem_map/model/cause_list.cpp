#include "cause_list.hpp"

#include "words.hpp"

#include <functional>

namespace kartla::problem_map {

namespace {

// "Riskfaktor" inside the brackets reads as "riskfaktor".
std::string lower_first(std::string word) {
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') word[0] = char(word[0] - 'A' + 'a');
    return word;
}

}  // namespace

doc::Bullets cause_list(const Snapshot& s, Id card, const Translate& tr, bool with_factors) {
    const auto causes = causes_of(s, card);
    doc::Bullets out;
    std::function<void(Id, int)> add = [&](Id parent, int depth) {
        for (const Cause* c : causes) {
            if (c->parent_id != parent) continue;
            std::string marks;
            if (c->nature == "situational" || c->nature == "social") marks = tr(c->nature.c_str());
            if (const int f = index_of(kFactors, c->factor); with_factors && f > 0)
                marks += (marks.empty() ? "" : ", ") + lower_first(tr(kFactorWords[std::size_t(f)]));
            out.items.push_back(marks.empty() ? c->text : c->text + " (" + marks + ")");
            out.depth.push_back(depth);
            if (depth < 8) add(c->id, depth + 1);  // the bound guards against a cycle in a damaged file
        }
    };
    add(0, 0);
    return out;
}

}  // namespace kartla::problem_map
