#include "change_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kartla::follow_up {

namespace {

// Attribute names as the reader knows them (English msgids).
const std::pair<const char*, const char*> kKeyNames[] = {
    {"status", "Status"},       {"light", "Light"},        {"due", "Due"},
    {"start", "Start"},         {"owner_actor_id", "Responsible"}, {"goal", "Operational goal"},
    {"indicator", "Indicator"}, {"baseline", "Baseline"},  {"prioritised", "Prioritised"},
    {"rank", "Rank"},           {"severity", "Severity"},  {"trend", "Trend"},
    {"category", "Category"},   {"area", "Area"},          {"type", "Type"}};

// Attributes that hold the id of another entity, and that entity's kind.
const std::pair<const char*, const char*> kIdKeys[] = {
    {"owner_actor_id", "actor"}, {"problem_id", "problem"}, {"parent_id", "cause"}, {"from_actor_id", "actor"}, {"to_actor_id", "actor"}};

bool derived(const std::string& key) { return key.ends_with("_label") || key == "status_log"; }

std::string key_name(const std::string& key, const Translate& tr) {
    for (auto [k, msgid] : kKeyNames)
        if (key == k) return tr(msgid);
    return key;
}

std::string readable(const Change& c, std::size_t i, bool old, const LabelIndex& labels, const Translate& tr) {
    const std::string& key = c.changed_keys[i];
    const std::string& value = old ? c.old_values[i] : c.new_values[i];
    if (value.empty()) return "–";
    auto label_key = std::find(c.changed_keys.begin(), c.changed_keys.end(), key + "_label");
    if (label_key != c.changed_keys.end()) {
        const auto j = std::size_t(label_key - c.changed_keys.begin());
        const std::string& msgid = old ? c.old_values[j] : c.new_values[j];
        if (!msgid.empty()) return tr(msgid.c_str());
    }
    for (auto [k, kind] : kIdKeys)
        if (key == k) {
            try {
                if (auto found = labels.find({kind, std::stoll(value)}); found != labels.end()) return found->second;
            } catch (const std::exception&) {
            }
        }
    return value;
}

// The ids an id attribute held before and after a change (an empty or foreign value holds none).
void add_ids(const std::string& before, const std::string& after, std::vector<std::int64_t>& ids) {
    for (const std::string* value : {&before, &after}) {
        try {
            ids.push_back(std::stoll(*value));
        } catch (const std::exception&) {
        }
    }
}

}  // namespace

LabelIndex label_index(const std::vector<Change>& changes, const EntitySelect& select) {
    std::map<std::string, kartla::EntityFilter> wanted;  // by kind
    for (const Change& c : changes)
        for (std::size_t i = 0; i < c.changed_keys.size(); ++i)
            for (auto [key, kind] : kIdKeys)
                if (c.changed_keys[i] == key) add_ids(c.old_values[i], c.new_values[i], wanted[kind].ids);
    LabelIndex out;
    for (const auto& [kind, filter] : wanted)
        for (const auto& e : select(kind, filter, nullptr)) out.emplace(std::pair{e.kind, e.id}, e.label);
    return out;
}

std::string change_type_text(const Change& change, const Translate& tr) {
    switch (change.type) {
        case Change::Type::Added: return tr("New");
        case Change::Type::Removed: return tr("Removed");
        case Change::Type::Changed: break;
    }
    return tr("Changed");
}

std::string change_details(const Change& c, const LabelIndex& labels, const Translate& tr) {
    std::string out;
    if (!c.old_label.empty()) out = fmt::format("{} \"{}\"", tr("was"), c.old_label);
    for (std::size_t i = 0; i < c.changed_keys.size(); ++i) {
        if (derived(c.changed_keys[i])) continue;
        out += fmt::format("{}{}: {} → {}", out.empty() ? "" : "; ", key_name(c.changed_keys[i], tr),
                           readable(c, i, true, labels, tr), readable(c, i, false, labels, tr));
    }
    return out;
}

}  // namespace kartla::follow_up
