#include "meeting_view.hpp"

#include "../model/edits.hpp"
#include "../model/indicator.hpp"
#include "../model/words.hpp"

#include "kartla/dates.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>

namespace kartla::follow_up {

namespace {

ImVec4 light_colour(std::string_view light) {
    if (light == "green") return {0.20f, 0.60f, 0.25f, 1};
    if (light == "yellow") return {0.85f, 0.70f, 0.10f, 1};
    if (light == "red") return {0.80f, 0.20f, 0.20f, 1};
    return {0.35f, 0.35f, 0.40f, 1};
}

// A row of big choice buttons; the chosen one is highlighted. Returns the tapped code.
const char* choice_row(const char* id, std::span<const Word> choices, const std::string& current, kartla::Host& host,
                       bool coloured = false) {
    const char* tapped = nullptr;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const bool chosen = current == choices[i].code;
        ImVec4 colour = coloured ? light_colour(choices[i].code) : ImGui::GetStyleColorVec4(ImGuiCol_Button);
        if (!chosen) colour.w = coloured ? 0.35f : colour.w;
        else if (!coloured) colour = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
        ImGui::PushStyleColor(ImGuiCol_Button, colour);
        std::string label = std::string(chosen ? "● " : "") + host.tr(choices[i].msgid) + "###" + choices[i].code;
        if (kartla::ui::big_button(label.c_str())) tapped = choices[i].code;
        kartla::ui::mark_item(std::string("follow_up.") + id + "." + choices[i].code);
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
    return tapped;
}

}  // namespace

void MeetingView::refresh(kartla::Workshop& w) {
    if (cache_.valid && cache_.revision == w.revision()) return;
    cache_ = {};
    cache_.revision = w.revision();
    cache_.valid = true;
    cache_.meetings = follow_up_meetings(w.db());
    cache_.measures = walk_order(host_.entities("measure", &cache_.measures_available), kartla::dates::today());
    for (const auto& a : host_.entities("actor")) cache_.actor_labels[a.id] = a.label;
    if (meeting_id_ == 0 && !cache_.meetings.empty()) meeting_id_ = cache_.meetings.back().id;
    bool still_there = false;
    for (const auto& m : cache_.meetings) still_there |= m.id == meeting_id_;
    if (!still_there) meeting_id_ = cache_.meetings.empty() ? 0 : cache_.meetings.back().id;
    if (meeting_id_ != 0) {
        const EntitySource source = host_.entity_source();
        auto since = since_last_meeting(w.db(), meeting_id_, source);
        cache_.changes = std::move(since.changes);
        cache_.changes_against = since.previous ? tr("Changes between the previous follow-up meeting and this one")
                                                : tr("Changes since this meeting started");
        cache_.labels = label_index(cache_.changes, host_.entity_select());
    }
    cache_.charts = indicator_charts(w.db(), cache_.measures, host_.translator());
    if (position_ >= cache_.measures.size()) position_ = 0;
}

bool MeetingView::save(const char* label, const Record& record, kartla::Editor& editor) {
    bool ok = bool(editor.edit(label, [&](kartla::Database& db) { save_record(db, record); }));
    if (ok) error_.clear();
    return ok;
}

void MeetingView::draw() {
    kartla::Workshop* w = host_.workshop();
    if (!w) {
        ImGui::TextUnformatted(tr("No workshop is open."));
        return;
    }
    refresh(*w);
    draw_meeting_bar(*w);
    ImGui::Separator();
    if (meeting_id_ == 0) {
        kartla::ui::hint(tr("No follow-up meeting yet. Start one to walk through the action plan."));
        return;
    }
    if (show_changes_) draw_changes();
    else draw_walk(*w);
}

// For the room: the measure under discussion (or what changed since the last
// meeting), large and without the meeting bar, the buttons and the fields.
bool MeetingView::draw_room() {
    kartla::Workshop* w = host_.workshop();
    if (!w) return false;
    refresh(*w);
    if (meeting_id_ == 0) return false;
    if (show_changes_) {
        draw_changes();
        return true;
    }
    if (!cache_.measures_available || cache_.measures.empty()) return false;
    const std::size_t n = cache_.measures.size();
    ImGui::TextDisabled("%s", fmt::format(fmt::runtime(tr("Measure {} of {}")), std::min(position_, n - 1) + 1, n).c_str());
    room_ = true;
    draw_measure(*w, cache_.measures[std::min(position_, n - 1)]);
    room_ = false;
    kartla::ui::mark_item("follow_up.room");
    return true;
}

void MeetingView::draw_meeting_bar(kartla::Workshop& w) {
    // One row that never runs past the edge: meetings that do not fit go into "More"
    // (the current one stays in the row).
    std::vector<kartla::ui::ToolItem> meetings;
    for (const auto& m : cache_.meetings) {
        kartla::ui::ToolItem item{.label = fmt::format("{} {}###meeting{}", m.date, m.title, m.id),
                                  .pressed = [this, id = m.id] {
                                      meeting_id_ = id;
                                      cache_.valid = false;
                                  },
                                  .pinned = m.id == meeting_id_,
                                  .probe = "follow_up.meeting." + std::to_string(m.id)};
        if (item.pinned) item.colour = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
        meetings.push_back(std::move(item));
    }
    if (!meetings.empty()) kartla::ui::toolbar("follow_up.meetings", meetings);
    draw_start(w);
    if (meeting_id_ != 0) {
        const char* label = show_changes_ ? tr("Walk through the measures") : tr("Since the last meeting");
        kartla::ui::same_line_if_fits(kartla::ui::button_width(label));
        if (kartla::ui::big_button(label)) show_changes_ = !show_changes_;
        kartla::ui::mark_item("follow_up.toggle_changes");
    }
}

void MeetingView::draw_start(kartla::Workshop&) {
    if (new_date_.empty()) new_date_ = kartla::dates::today();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    kartla::ui::input_text((std::string(tr("Date")) + "###new_date").c_str(), new_date_);
    kartla::ui::same_line_if_fits(kartla::ui::button_width(tr("Start follow-up meeting")));
    if (kartla::ui::big_button(tr("Start follow-up meeting"))) {
        if (!kartla::dates::is_valid(new_date_)) {
            error_ = tr("Write the date as YYYY-MM-DD.");
        } else {
            std::int64_t id = 0;
            kartla::core_data::Meeting meeting{0, "follow_up", tr("Follow-up meeting"), new_date_, "", ""};
            auto result = host_.edit("Start follow-up meeting", [&](kartla::Database& db) {
                id = start_meeting(db, meeting, host_.entity_source());
            });
            if (result) {
                error_.clear();
                meeting_id_ = id;
                position_ = 0;
                show_changes_ = false;
                cache_.valid = false;
            }
        }
    }
    kartla::ui::mark_item("follow_up.start");
    if (!error_.empty()) kartla::ui::field_error(error_);
}

void MeetingView::draw_walk(kartla::Workshop& w) {
    if (!cache_.measures_available) {
        kartla::ui::hint(tr("The action plan is not available (its plugin is not loaded)."));
        return;
    }
    if (cache_.measures.empty()) {
        kartla::ui::hint(tr("The action plan has no measures yet."));
        return;
    }
    const std::size_t n = cache_.measures.size();
    if (kartla::ui::big_button(tr("Previous")) && position_ > 0) --position_;
    kartla::ui::mark_item("follow_up.previous");
    ImGui::SameLine();
    ImGui::Text("%s", fmt::format(fmt::runtime(tr("Measure {} of {}")), position_ + 1, n).c_str());
    ImGui::SameLine();
    if (kartla::ui::big_button(tr("Next")) && position_ + 1 < n) ++position_;
    kartla::ui::mark_item("follow_up.next");
    draw_measure(w, cache_.measures[position_]);
}

void MeetingView::draw_measure(kartla::Workshop& w, const Entity& m) {
    ImGui::SetWindowFontScale(1.25f);  // the measure under discussion, readable from the back of the room
    ImGui::TextWrapped("%s", m.label.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (overdue(m, kartla::dates::today())) {
        kartla::ui::same_line_if_fits(ImGui::CalcTextSize(tr("Overdue")).x);
        ImGui::TextColored(light_colour("red"), "%s", tr("Overdue"));
    }
    std::string owner = tr("No owner");
    if (auto id = m.attribute("owner_actor_id"); !id.empty()) {
        auto found = cache_.actor_labels.find(std::stoll(id));
        owner = found != cache_.actor_labels.end() ? found->second : std::string(tr("Actor")) + " #" + id;
    }
    const char* status = msgid_of(kStatusWords, m.attribute("status"));
    const char* light = msgid_of(kLightWords, m.attribute("light"));
    // Each fact beside the one before it while the line has room: on one line, "Time" ran
    // past the screen's right edge in presentation mode at 300 %.
    const std::string responsible = fmt::format("{}: {}", tr("Responsible"), owner);
    const std::string time = fmt::format("{}: {} – {}", tr("Time"), m.attribute("start"), m.attribute("due"));
    const std::string in_plan = fmt::format("{}: {}", tr("Status in the action plan"), status ? tr(status) : "–");
    const std::string light_label = fmt::format("{}:", tr("Light"));
    const char* light_word = light ? tr(light) : "–";
    ImGui::TextWrapped("%s", responsible.c_str());
    kartla::ui::same_line_if_fits(ImGui::CalcTextSize(time.c_str()).x);
    ImGui::TextUnformatted(time.c_str());
    ImGui::TextWrapped("%s", in_plan.c_str());
    kartla::ui::same_line_if_fits(ImGui::CalcTextSize(light_label.c_str()).x + ImGui::CalcTextSize(light_word).x +
                                  ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(light_label.c_str());
    ImGui::SameLine();
    ImGui::TextColored(light_colour(m.attribute("light")), "%s", light_word);
    draw_plan_facts(w, m);

    // The measure's follow-up history: what earlier meetings recorded.
    auto earlier = history(w.db(), m.id);
    std::erase_if(earlier, [&](const Record& r) { return r.meeting_id == meeting_id_; });
    if (!earlier.empty() && ImGui::CollapsingHeader(tr("Earlier follow-ups"), ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const auto& r : earlier) {
            std::string date;
            for (const auto& meeting : cache_.meetings)
                if (meeting.id == r.meeting_id) date = meeting.date;
            const char* s = msgid_of(kStatusWords, r.status);
            const char* d = msgid_of(kDecisionWords, r.decision);
            std::string line = fmt::format("{}: {}", date, s ? tr(s) : "–");
            if (!r.indicator_value.empty()) line += fmt::format(", {} {} ({})", tr("indicator"), r.indicator_value, r.indicator_date);
            if (d) line += fmt::format(", {}", tr(d));
            if (!r.light_comment.empty()) line += " – " + r.light_comment;
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
        }
    }
    if (room_) return;  // the room sees what was recorded, not the fields to record it
    ImGui::Separator();
    draw_record(w, m);
}

// What the action plan publishes for following the measure up: its goal,
// indicator with baseline, and the dated status log.
void MeetingView::draw_plan_facts(kartla::Workshop& w, const Entity& m) {
    if (auto goal = m.attribute("goal"); !goal.empty()) ImGui::TextWrapped("%s: %s", tr("Operational goal"), goal.c_str());
    if (auto indicator = m.attribute("indicator"); !indicator.empty()) {
        auto baseline = m.attribute("baseline");
        ImGui::TextWrapped("%s: %s   %s: %s", tr("Indicator"), indicator.c_str(), tr("Baseline"),
                           baseline.empty() ? "–" : baseline.c_str());
    }
    // The values the meetings recorded, against the baseline: did the problem change?
    if (auto chart = indicator_chart(w.db(), m, host_.translator())) {
        float font = ImGui::GetFontSize();
        kartla::ui::chart(*chart, ImVec2(std::min(ImGui::GetContentRegionAvail().x, font * 30), font * 8));
        kartla::ui::mark_item("follow_up.indicator_chart");
        if (chart->has_baseline) {
            // Beside the chart while a few words fit there, else under it; wrapped at the edge either way.
            kartla::ui::same_line_if_fits(font * 8);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.43f, 0.0f, 1));
            ImGui::TextWrapped("- - - %s", chart->baseline_label.c_str());
            ImGui::PopStyleColor();
        }
    }
    const auto log = status_log(m.attribute("status_log"));
    if (log.empty()) return;
    ImGui::TextUnformatted(tr("Status log"));
    for (const auto& entry : log) {
        const char* status = msgid_of(kStatusWords, entry.status);
        std::string line = fmt::format("{} {}", entry.date, status ? tr(status) : entry.status.c_str());
        if (!entry.note.empty()) line += ": " + entry.note;
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());  // a long note wraps instead of running past the edge
    }
}

void MeetingView::draw_record(kartla::Workshop& w, const Entity& m) {
    Record current = record(w.db(), meeting_id_, m.id).value_or(Record{meeting_id_, m.id});
    ImGui::TextUnformatted(tr("New status"));
    if (const char* code = choice_row("status", kStatusWords, current.status, host_)) {
        Record r = current;
        r.status = code == current.status ? "" : code;  // tapping the chosen one again clears it
        save("Record status", r);
    }
    ImGui::TextUnformatted(tr("Light"));
    if (const char* code = choice_row("light", kLightWords, current.light, host_, true)) {
        Record r = current;
        r.light = code == current.light ? "" : code;
        save("Record light", r);
    }
    const float field = ImGui::GetFontSize() * 32;
    // The SDK's fields: text the file could not take, or a date not yet in its form, is
    // kept per meeting and measure, as typed, until it can be written.
    auto text_field = [&](const char* msgid, std::string Record::*member, const char* key) {
        ImGui::SetNextItemWidth(field);
        const std::string label = std::string(tr(msgid)) + "###" + key;
        kartla::ui::TextFieldOptions options{.probe = std::string("follow_up.") + key};
        if (member == &Record::indicator_date)
            options.check = [this](const std::string& text) {
                return text.empty() || kartla::dates::is_valid(text) ? std::string() : std::string(tr("Write YYYY-MM-DD"));
            };
        ImGui::PushID(static_cast<int>(meeting_id_));
        ImGui::PushID(static_cast<int>(m.id));
        kartla::ui::text_field(label.c_str(), current.*member, host_,
                               [this, meeting = meeting_id_, measure = m.id, member](kartla::Editor& editor,
                                                                                     const std::string& text) {
                                   auto* workshop = host_.workshop();
                                   if (!workshop) return false;
                                   Record r = record(workshop->db(), meeting, measure).value_or(Record{meeting, measure});
                                   r.*member = text;
                                   return save("Record follow-up", r, editor);
                               },
                               options);
        ImGui::PopID();
        ImGui::PopID();
    };
    text_field("Comment on the light", &Record::light_comment, "light_comment");
    text_field("Indicator value", &Record::indicator_value, "indicator_value");
    text_field("Measured on (YYYY-MM-DD)", &Record::indicator_date, "indicator_date");
    text_field("Source", &Record::indicator_source, "indicator_source");
    ImGui::TextUnformatted(tr("Decision"));
    if (const char* code = choice_row("decision", kDecisionWords, current.decision, host_)) {
        Record r = current;
        r.decision = code == current.decision ? "" : code;
        save("Record decision", r);
    }
    text_field("Note on the decision", &Record::decision_note, "decision_note");
}

void MeetingView::draw_changes() {
    ImGui::TextWrapped("%s", cache_.changes_against.c_str());
    if (cache_.changes.empty()) kartla::ui::hint(tr("Nothing has changed."));
    draw_change_list();
    draw_indicator_charts();
}

// Two to a row when the panel is wide enough, each with its measure and indicator above it.
void MeetingView::draw_indicator_charts() {
    if (cache_.charts.empty()) return;
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Indicators over time"));
    float font = ImGui::GetFontSize(), gap = font;
    float width = ImGui::GetContentRegionAvail().x;
    int per_row = width > font * 40 ? 2 : 1;
    float chart_width = (width - gap * float(per_row - 1)) / float(per_row);
    for (std::size_t i = 0; i < cache_.charts.size(); ++i) {
        if (i % std::size_t(per_row) != 0) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + chart_width);
        ImGui::TextWrapped("%s", cache_.charts[i].title.c_str());
        ImGui::PopTextWrapPos();
        kartla::ui::chart(cache_.charts[i], ImVec2(chart_width, font * 7));
        kartla::ui::mark_item(fmt::format("follow_up.since.chart.{}", i));
        ImGui::EndGroup();
    }
}

void MeetingView::draw_change_list() {
    const std::pair<const char*, const char*> kinds[] = {
        {"problem", "Problems"}, {"cause", "Causes"}, {"actor", "Actors"}, {"relation", "Relations"}, {"measure", "Measures"}};
    for (auto [kind, heading] : kinds) {
        bool any = false;
        for (const auto& c : cache_.changes) {
            if (c.kind != kind) continue;
            if (!any) {
                ImGui::Separator();
                ImGui::TextUnformatted(tr(heading));
            }
            any = true;
            const Translate words = host_.translator();
            const std::string detail = change_details(c, cache_.labels, words);
            ImGui::Bullet();
            ImGui::TextWrapped("%s: %s%s%s", change_type_text(c, words).c_str(), c.label.c_str(),
                               detail.empty() ? "" : " — ", detail.c_str());
        }
    }
}

}  // namespace kartla::follow_up
