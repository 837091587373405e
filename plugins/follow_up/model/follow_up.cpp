#include "follow_up.hpp"

#include "words.hpp"

#include "kartla/dates.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>
#include <map>
#include <set>
#include <stdexcept>

namespace kartla::follow_up {

namespace cd = kartla::core_data;

std::vector<Entity> published_now(const EntitySource& source) {
    std::vector<Entity> out;
    // Two plugins may publish the same kind (a stand-in next to the real one) with
    // clashing ids; a snapshot keeps the first of each (kind, id).
    std::set<std::pair<std::string, std::int64_t>> seen;
    for (auto kind : kSnapshotKinds)
        for (auto& e : source(kind, nullptr))
            if (seen.insert({e.kind, e.id}).second) out.push_back(std::move(e));
    return out;
}

std::vector<cd::Meeting> follow_up_meetings(Database& db) {
    std::vector<cd::Meeting> out;
    for (auto& m : cd::meetings(db))
        if (m.kind == "follow_up") out.push_back(m);
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
    return out;
}

namespace {

// A stored code, or "" (not set) when it is none of `words`: a hostile or newer
// file cannot show anything else in the view or the report.
std::string code_in(std::span<const Word> words, std::string stored) {
    return msgid_of(words, stored) ? stored : std::string();
}

Record read_record(kartla::Statement& q) {
    return {q.int64(0), q.int64(1), code_in(kStatusWords, q.text(2)), code_in(kLightWords, q.text(3)), q.text(4),
            q.text(5),  q.text(6),  q.text(7), code_in(kDecisionWords, q.text(8)), q.text(9)};
}

}  // namespace

std::optional<Record> record(Database& db, std::int64_t meeting_id, std::int64_t measure_id) {
    auto& q = db.prepare(std::string("SELECT ") + kRecordColumns +
                         " FROM follow_up_record WHERE meeting_id = ? AND measure_id = ?")
                  .with(meeting_id, measure_id);
    if (!q.step()) return std::nullopt;
    return read_record(q);
}

std::vector<Record> records(Database& db, std::int64_t meeting_id) {
    std::vector<Record> out;
    auto& q = db.prepare(std::string("SELECT ") + kRecordColumns + " FROM follow_up_record WHERE meeting_id = ? ORDER BY id")
                  .with(meeting_id);
    while (q.step()) out.push_back(read_record(q));
    return out;
}

std::vector<Record> history(Database& db, std::int64_t measure_id) {
    std::vector<Record> out;
    for (const auto& m : follow_up_meetings(db))
        if (auto r = record(db, m.id, measure_id)) out.push_back(*r);
    return out;
}

std::vector<Entity> snapshot(Database& db, std::int64_t meeting_id) {
    std::vector<Entity> out;
    auto& q = db.prepare("SELECT kind, entity_id, label, attributes FROM follow_up_snapshot WHERE meeting_id = ? ORDER BY id")
                  .with(meeting_id);
    while (q.step()) {
        Entity e{q.text(0), q.int64(1), q.text(2), {}};
        auto attributes = nlohmann::json::parse(q.text(3), nullptr, false);
        if (attributes.is_object())
            for (auto& [key, value] : attributes.items())
                if (value.is_string()) e.attributes[key] = value.get<std::string>();
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<Change> diff(const std::vector<Entity>& before, const std::vector<Entity>& after) {
    std::map<std::pair<std::string, std::int64_t>, const Entity*> old_by_key;
    for (const auto& e : before) old_by_key[{e.kind, e.id}] = &e;
    std::vector<Change> out;
    std::set<std::pair<std::string, std::int64_t>> seen;
    for (const auto& e : after) {
        seen.insert({e.kind, e.id});
        auto found = old_by_key.find({e.kind, e.id});
        if (found == old_by_key.end()) {
            out.push_back({Change::Type::Added, e.kind, e.id, e.label, {}, {}, {}, {}});
            continue;
        }
        const Entity& old = *found->second;
        std::set<std::string> keys;
        for (auto& [k, v] : old.attributes) keys.insert(k);
        for (auto& [k, v] : e.attributes) keys.insert(k);
        Change change{Change::Type::Changed, e.kind, e.id, e.label, old.label != e.label ? old.label : "", {}, {}, {}};
        for (const auto& k : keys)
            if (old.attribute(k) != e.attribute(k)) {
                change.changed_keys.push_back(k);
                change.old_values.push_back(old.attribute(k));
                change.new_values.push_back(e.attribute(k));
            }
        if (!change.changed_keys.empty() || old.label != e.label) out.push_back(std::move(change));
    }
    for (const auto& e : before)
        if (!seen.count({e.kind, e.id})) out.push_back({Change::Type::Removed, e.kind, e.id, e.label, {}, {}, {}, {}});
    return out;
}

std::optional<std::int64_t> previous_meeting(Database& db, std::int64_t meeting_id) {
    std::optional<std::int64_t> previous;
    for (const auto& m : follow_up_meetings(db)) {
        if (m.id == meeting_id) return previous;
        previous = m.id;
    }
    return std::nullopt;
}

SinceLast since_last_meeting(Database& db, std::int64_t meeting_id, const EntitySource& source) {
    SinceLast out;
    out.previous = previous_meeting(db, meeting_id);
    out.changes = out.previous ? diff(snapshot(db, *out.previous), snapshot(db, meeting_id))
                               : diff(snapshot(db, meeting_id), published_now(source));
    return out;
}

std::vector<StatusEntry> status_log(std::string_view published) {
    std::vector<StatusEntry> out;
    while (!published.empty()) {
        const auto end = published.find('\n');
        std::string_view line = published.substr(0, end);
        published = end == std::string_view::npos ? std::string_view() : published.substr(end + 1);
        const auto space = line.find(' ');
        if (space == std::string_view::npos) continue;
        std::string_view rest = line.substr(space + 1);
        const auto colon = rest.find(": ");
        out.push_back({std::string(line.substr(0, space)), std::string(rest.substr(0, colon)),
                       colon == std::string_view::npos ? std::string() : std::string(rest.substr(colon + 2))});
    }
    return out;
}

bool overdue(const Entity& m, std::string_view today) {
    const std::string status = m.attribute("status"), due = m.attribute("due");
    return !due.empty() && due < today && status != "done" && status != "cancelled";
}

std::vector<Entity> walk_order(std::vector<Entity> measures, std::string_view today) {
    auto group = [&](const Entity& m) {
        const std::string status = m.attribute("status"), light = m.attribute("light");
        if (status == "done" || status == "cancelled") return 4;
        if (overdue(m, today)) return 0;
        if (light == "red") return 1;
        if (light == "yellow") return 2;
        return 3;
    };
    auto due_key = [](const Entity& m) { auto d = m.attribute("due"); return d.empty() ? std::string("9999") : d; };
    std::stable_sort(measures.begin(), measures.end(), [&](const Entity& a, const Entity& b) {
        return std::make_tuple(group(a), due_key(a), a.id) < std::make_tuple(group(b), due_key(b), b.id);
    });
    return measures;
}

}  // namespace kartla::follow_up
