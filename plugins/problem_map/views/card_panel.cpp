#include "card_panel.hpp"

#include "fields.hpp"
#include "labels.hpp"
#include "model/edits.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

namespace kartla::problem_map::views {

using edits::NumberField;
using edits::TextField;

namespace {

void section(const char* title) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.20f, 0.45f, 1));
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
}

}  // namespace

Commit CardPanel::text_commit(Id card, TextField field) {
    // Looks the workshop up when saving: the save may come a frame later.
    return [this, card, field](Editor& editor, const std::string& value) {
        return c_.workshop() && bool(edits::set_text(editor, card, field, value));
    };
}

void CardPanel::set_number(Id card, int field, std::int64_t value) {
    if (c_.workshop()) edits::set_number(c_.host(), card, NumberField(field), value);
}

void CardPanel::draw(const Snapshot& s) {
    if (const Card* card = s.card(c_.selection.single())) draw_card(s, *card);
    else if (const Cluster* cluster = s.cluster(c_.selection.cluster)) draw_cluster(s, *cluster);
    else if (c_.selection.cards.size() > 1)
        ImGui::TextWrapped("%s", fmt::format(fmt::runtime(c_.tr("{} cards selected: drag one to move them all.")),
                                             c_.selection.cards.size()).c_str());
    else ui::hint(c_.tr("Select a card to see and edit all its fields."));
}

void CardPanel::draw_cluster(const Snapshot& s, const Cluster& cluster) {
    ImGui::TextUnformatted(c_.tr("Cluster"));
    text_field(c_.tr("Name"), "problem_map.panel.cluster_name", cluster.name, c_.host(),
               [this, cluster_id = cluster.id](Editor& editor, const std::string& v) {
                   return c_.workshop() && bool(edits::rename_cluster(editor, cluster_id, v));
               });
    ImGui::TextWrapped("%s", fmt::format(fmt::runtime(c_.tr("{} cards in this cluster.")),
                                         cluster_members(s, cluster.id).size()).c_str());
    ImGui::Spacing();
    if (ui::big_button(c_.tr("Delete cluster (cards stay)")) && edits::delete_cluster(c_.host(), cluster.id))
        c_.selection.clear();
    ui::mark_item("problem_map.panel.delete_cluster");
}

void CardPanel::draw_card(const Snapshot& s, const Card& card) {
    Id id = card.id;
    if (shown_card_ != id) ImGui::SetScrollY(0);  // another card (a new one too): its fields from the top
    shown_card_ = id;
    ImGui::PushID(int(id));
    if (card.hidden) {
        ui::hint(c_.tr("Face down until the facilitator reveals all cards: title and description are hidden."));
    } else {
        text_field(c_.tr("Title"), "problem_map.panel.title", card.title, c_.host(), text_commit(id, TextField::Title), 0.0f,
                   card_title_key(id));
        text_field(c_.tr("Description"), "problem_map.panel.description", card.description, c_.host(),
                   text_commit(id, TextField::Description),
                   3.0f);
    }
    caption(c_.tr("Category"));
    const Category* category = s.category(card.category_id);
    std::string current = category ? category_name(*category, c_.translator()) : c_.tr("No category");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##category", current.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(c_.tr("No category"), card.category_id == 0)) set_number(id, int(NumberField::Category), 0);
        for (const auto& cat : s.categories) {
            ImGui::PushID(int(cat.id));
            ImGui::ColorButton("##swatch", ImGui::ColorConvertU32ToFloat4(packed_color(cat.color)),
                               ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
            ImGui::SameLine();
            if (ImGui::Selectable(category_name(cat, c_.translator()).c_str(), cat.id == card.category_id))
                set_number(id, int(NumberField::Category), cat.id);
            if (ui::probes_enabled()) ui::mark_item(fmt::format("problem_map.panel.category.{}", cat.id));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ui::mark_item("problem_map.panel.category");
    caption(c_.tr("Area"));
    const Area* area = s.area(card.area_id);
    std::string area_text = area ? area_label(c_, *area) : c_.tr("No area");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##area", area_text.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(c_.tr("No area"), card.area_id == 0)) set_number(id, int(NumberField::Area), 0);
        for (const auto& a : s.areas) {
            ImGui::PushID(int(a.id));
            if (ImGui::Selectable(area_label(c_, a).c_str(), a.id == card.area_id)) set_number(id, int(NumberField::Area), a.id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ui::mark_item("problem_map.panel.area");
    if (s.areas.empty()) ui::hint(c_.tr("Add the workshop's areas under Categories and areas."));
    text_field(c_.tr("Place within the area"), "problem_map.panel.place", card.place, c_.host(),
               text_commit(id, TextField::Place));
    draw_when(card);
    draw_assessment(card);
    draw_sources(card);
    draw_priority(card);
    ImGui::Spacing();
    ImGui::Separator();
    if (ui::big_button(c_.tr("Delete card")) && edits::delete_cards(c_.host(), {id})) c_.selection.clear();
    ui::mark_item("problem_map.panel.delete");
    ImGui::PopID();
}

void CardPanel::draw_when(const Card& card) {
    Id id = card.id;
    section(c_.tr("When it happens"));
    int seasons = card.seasons, weekdays = card.weekdays, times = card.times_of_day;
    if (flag_row("seasons", seasons, season_labels(c_), "problem_map.panel.season"))
        set_number(id, int(NumberField::Seasons), seasons);
    if (flag_row("weekdays", weekdays, weekday_labels(c_), "problem_map.panel.weekday"))
        set_number(id, int(NumberField::Weekdays), weekdays);
    if (flag_row("times", times, time_labels(c_), "problem_map.panel.time"))
        set_number(id, int(NumberField::TimesOfDay), times);
    text_field(c_.tr("More about when"), "problem_map.panel.when_note", card.when_note, c_.host(),
               text_commit(id, TextField::WhenNote));
}

void CardPanel::draw_assessment(const Card& card) {
    Id id = card.id;
    section(c_.tr("Who, how much, how serious"));
    text_field(c_.tr("Who is affected / target group"), "problem_map.panel.target_group", card.target_group, c_.host(),
               text_commit(id, TextField::TargetGroup));
    text_field(c_.tr("Extent"), "problem_map.panel.extent", card.extent, c_.host(),
               text_commit(id, TextField::Extent));
    caption(c_.tr("Trend"));
    int trend = std::max(0, index_of(kTrends, card.trend));
    if (choice_row("trend", trend, trend_labels(c_), "problem_map.panel.trend"))
        edits::set_choice(c_.host(), id, edits::ChoiceField::Trend, kTrends[std::size_t(trend)]);
    caption(c_.tr("Severity"));
    int severity = card.severity;
    if (choice_row("severity", severity, {c_.tr("Not assessed"), "1", "2", "3", "4", "5"}, "problem_map.panel.severity"))
        set_number(id, int(NumberField::Severity), severity);
    bool signal = card.signal_crime;
    if (ImGui::Checkbox(c_.tr("Signal crime (visible locally, erodes trust)"), &signal))
        set_number(id, int(NumberField::SignalCrime), signal ? 1 : 0);
    ui::mark_item("problem_map.panel.signal");
}

void CardPanel::draw_sources(const Card& card) {
    Id id = card.id;
    section(c_.tr("Sources"));
    int sources = card.sources;
    if (flag_row("sources", sources, source_labels(c_), "problem_map.panel.source"))
        set_number(id, int(NumberField::Sources), sources);
    text_field(c_.tr("Limitations of the sources"), "problem_map.panel.limitations", card.source_limitations, c_.host(),
               text_commit(id, TextField::SourceLimitations),
               2.0f);
    caption(c_.tr("Confidence"));
    int confidence = std::max(0, index_of(kConfidences, card.confidence));
    if (choice_row("confidence", confidence, confidence_labels(c_), "problem_map.panel.confidence"))
        edits::set_choice(c_.host(), id, edits::ChoiceField::Confidence, kConfidences[std::size_t(confidence)]);
}

void CardPanel::draw_priority(const Card& card) {
    Id id = card.id;
    section(c_.tr("Prioritisation"));
    bool prioritised = card.prioritised;
    if (ImGui::Checkbox(c_.tr("Prioritised problem"), &prioritised))
        set_number(id, int(NumberField::Prioritised), prioritised ? 1 : 0);
    ui::mark_item("problem_map.panel.prioritised");
    caption(c_.tr("Impact"));
    int impact = card.impact, influence = card.influence;
    if (choice_row("impact", impact, {c_.tr("Not assessed"), "1", "2", "3", "4", "5"}, "problem_map.panel.impact"))
        set_number(id, int(NumberField::Impact), impact);
    caption(c_.tr("Ability to influence"));
    if (choice_row("influence", influence, {c_.tr("Not assessed"), "1", "2", "3", "4", "5"}, "problem_map.panel.influence"))
        set_number(id, int(NumberField::Influence), influence);
    if (ui::big_button(c_.tr("Analyse causes"))) {
        c_.cause_problem = id;
        c_.selected_cause = 0;
        c_.show_tab(Tab::Causes);
    }
    ui::mark_item("problem_map.panel.causes");
}

}  // namespace kartla::problem_map::views
