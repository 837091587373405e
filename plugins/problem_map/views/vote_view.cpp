#include "vote_view.hpp"

#include "fields.hpp"
#include "labels.hpp"
#include "model/edits.hpp"

#include "kartla/fitted_table.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>

namespace kartla::problem_map::views {

void VoteView::refresh_voters(Workshop& w, const Snapshot& s) {
    if (voters_workshop_ == &w && voters_revision_ == w.revision()) return;
    voters_.clear();
    if (s.settings.vote_by == VoteBy::Organisation) {
        for (const auto& org : core_data::organisations(w.db())) voters_.push_back({Voter{0, org}, org});
    } else {
        for (const auto& p : core_data::participants(w.db()))
            voters_.push_back({Voter{p.id, {}}, p.organisation.empty() ? p.role : fmt::format("{}, {}", p.role, p.organisation)});
    }
    voters_workshop_ = &w;
    voters_revision_ = w.revision();
    bool known = std::any_of(voters_.begin(), voters_.end(), [&](const auto& v) { return v.first == current_; });
    if (!known) current_ = voters_.empty() ? Voter{} : voters_.front().first;
}

void VoteView::draw() {
    auto snapshot = c_.snapshot();
    Workshop* w = c_.workshop();
    if (!snapshot || !w) return;
    const Snapshot& s = *snapshot;
    refresh_voters(*w, s);
    draw_settings(s);
    draw_phone_voting(s);
    // Narrow (200 % on 1080 lines, 300 %): the voters beside the ranking pushed its − / + and
    // "Prioritised" past the screen's edge, so the voter is chosen in one row above it instead.
    if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * kWideEnoughForVoters) {
        draw_voter_choice(s);
    } else {
        float left = std::min(ImGui::GetFontSize() * 20, ImGui::GetContentRegionAvail().x * 0.35f);
        ImGui::BeginChild("problem_map.vote.voters", ImVec2(left, 0), true);
        draw_voters(s);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("problem_map.vote.ranking", ImVec2(0, 0), true);
    draw_ranking(s);
    ImGui::EndChild();
}

void VoteView::draw_settings(const Snapshot& s) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c_.tr("Dots per voter:"));
    ImGui::SameLine();
    if (ui::big_button(" \u2212 ##dots") && s.settings.dots_per_voter > 1)
        edits::set_dots_per_voter(c_.host(), s.settings.dots_per_voter - 1);
    ui::mark_item("problem_map.vote.dots_less");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d", s.settings.dots_per_voter);
    ImGui::SameLine();
    if (ui::big_button(" + ##dots")) edits::set_dots_per_voter(c_.host(), s.settings.dots_per_voter + 1);
    ui::mark_item("problem_map.vote.dots_more");
    // Each group beside the one before while the line has room (at 300 % they wrap).
    const ImGuiStyle& style = ImGui::GetStyle();
    ui::same_line_if_fits(ImGui::CalcTextSize(c_.tr("Vote by:")).x + style.ItemSpacing.x + ui::button_width(c_.tr("Participant")));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c_.tr("Vote by:"));
    ImGui::SameLine();
    int by = s.settings.vote_by == VoteBy::Organisation ? 1 : 0;
    if (choice_row("vote_by", by, {c_.tr("Participant"), c_.tr("Organisation")}, "problem_map.vote.by"))
        edits::set_vote_by(c_.host(), by ? VoteBy::Organisation : VoteBy::Participant);
    ui::same_line_if_fits(ui::button_width(confirm_clear_ ? c_.tr("Yes, clear all votes") : c_.tr("Clear all votes…")));
    // Two presses: one stray touch must not wipe the room's votes (undo would bring them back, but not calmly).
    if (!confirm_clear_) {
        if (ui::big_button(c_.tr("Clear all votes…"))) confirm_clear_ = true;
    } else {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.25f, 0.20f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ui::big_button(c_.tr("Yes, clear all votes"))) {
            edits::clear_votes(c_.host());
            confirm_clear_ = false;
        }
        ImGui::PopStyleColor(2);
        ui::same_line_if_fits(ui::button_width(c_.tr("Keep the votes")));
        if (ui::big_button(c_.tr("Keep the votes"))) confirm_clear_ = false;
    }
    ui::mark_item("problem_map.vote.clear");
}

// Phones in the room vote with their own dots, while the facilitator has it open (docs/phones.md).
void VoteView::draw_phone_voting(const Snapshot& s) {
    int phones = 0, dots = 0;
    std::vector<std::string> seen;
    for (const auto& vote : s.votes)
        if (!vote.voter.phone.empty()) {
            dots += vote.dots;
            if (std::find(seen.begin(), seen.end(), vote.voter.phone) == seen.end()) seen.push_back(vote.voter.phone);
        }
    phones = int(seen.size());
    if (ui::big_button(s.settings.phone_voting ? c_.tr("Close voting for phones") : c_.tr("Open voting for phones")))
        edits::set_phone_voting(c_.host(), !s.settings.phone_voting);
    ui::mark_item("problem_map.vote.phones");
    const std::string count = fmt::format("{} {} · {} {}", phones, c_.tr("phones have voted"), dots, c_.tr("dots"));
    ui::same_line_if_fits(ImGui::GetFontSize() * 8);
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", count.c_str());
}

std::string VoteView::voter_label(const Snapshot& s, std::size_t i) const {
    const auto& [voter, name] = voters_[i];
    return fmt::format("{}  ({}/{})", name, dots_used(s, voter), s.settings.dots_per_voter);
}

void VoteView::draw_voter_choice(const Snapshot& s) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c_.tr("Who is voting"));
    ImGui::SameLine();
    std::string shown;
    std::size_t chosen = voters_.size();
    for (std::size_t i = 0; i < voters_.size(); ++i)
        if (voters_[i].first == current_) shown = voter_label(s, i), chosen = i;
    if (voters_.empty()) shown = c_.tr("Add participants in the workshop panel first.");
    // The chosen voter drawn by us, cut with "…" (whole on touch): a combo clips its preview mid-letter.
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 2 * style.FramePadding.x;
    const ImVec2 text_at(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize(), height = ImGui::GetFrameHeight();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImGui::SetNextItemWidth(-1);
    const bool open = ImGui::BeginCombo("##voter", "", ImGuiComboFlags_HeightLarge);
    bool cut = false;
    ui::draw_clipped_text(list, font, size, text_at, ink, shown.c_str(), room, 1, &cut);
    if (cut && !open) ui::whole_text_tip(at, ImVec2(at.x + room, at.y + height), shown.c_str());
    if (open) {
        for (std::size_t i = 0; i < voters_.size(); ++i) {
            if (ImGui::Selectable(fmt::format("{}##voter{}", voter_label(s, i), i).c_str(), voters_[i].first == current_))
                current_ = voters_[i].first;
            ui::mark_item(fmt::format("problem_map.vote.voter.{}", i));
        }
        ImGui::EndCombo();
    }
    ui::mark_item("problem_map.vote.voter_choice");
    if (ui::probes_enabled()) ui::mark_item(fmt::format("problem_map.vote.chosen.{}", chosen));  // which one, for tests
}

void VoteView::draw_voters(const Snapshot& s) {
    ImGui::TextUnformatted(c_.tr("Who is voting"));
    ui::hint(c_.tr("Choose a voter, then give dots with + in the ranking. The facilitator may enter dots on behalf of people in the room."));
    if (voters_.empty()) ui::hint(c_.tr("Add participants in the workshop panel first."));
    for (std::size_t i = 0; i < voters_.size(); ++i) {
        const Voter& voter = voters_[i].first;
        // Wrapped: a role and organisation are longer than the column, and the column has room below.
        std::string text = voter_label(s, i);
        if (ui::clipped_selectable(fmt::format("##voter{}", i).c_str(), text.c_str(), voter == current_, 0)) current_ = voter;
        ui::mark_item(fmt::format("problem_map.vote.voter.{}", i));
    }
}

void VoteView::draw_ranking(const Snapshot& s) {
    bool have_voter = current_.participant_id != 0 || !current_.organisation.empty();
    int left = s.settings.dots_per_voter - dots_used(s, current_);
    int order = by_rank_ ? 1 : 0;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c_.tr("Order:"));
    ImGui::SameLine();
    if (choice_row("order", order, {c_.tr("As on the board"), c_.tr("By rank")}, "problem_map.vote.order")) by_rank_ = order == 1;
    if (have_voter) {
        const std::string text = dots_left_text(c_, s.settings.dots_per_voter, s.settings.dots_per_voter - left);
        ui::same_line_if_fits(ImGui::CalcTextSize(text.c_str()).x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextWrapped("%s", text.c_str());
        ui::mark_item(left >= 0 ? "problem_map.vote.dots_left" : "problem_map.vote.over_budget");
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    // The problem's title keeps at least 12 text heights (it wraps within them); narrower, the table scrolls sideways.
    const std::vector<ui::TableColumn> columns = {
        {c_.tr("Rank")},
        {c_.tr("Problem"), ImGuiTableColumnFlags_WidthStretch, 1.0f, 12.0f},
        {c_.tr("Dots"), ImGuiTableColumnFlags_WidthStretch, 0.6f, 4.0f},
        {c_.tr("Voters")},
        {c_.tr("Chosen voter")},
        {c_.tr("Prioritised")}};
    if (!ui::begin_fitted_table("problem_map.ranking", columns, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    auto rows = ranking(s);
    int most = rows.empty() ? 1 : std::max(1, rows.front().dots);
    if (!by_rank_)
        std::sort(rows.begin(), rows.end(), [&](const RankRow& a, const RankRow& b) {
            return s.card_index.at(a.card_id) < s.card_index.at(b.card_id);
        });
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const RankRow& row = rows[i];
        const Card* card = s.card(row.card_id);
        if (!card || card->hidden) continue;  // face-down cards are not voted on until revealed
        ImGui::PushID(int(card->id));
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        if (row.rank) ImGui::Text("%d", row.rank);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", card->title.empty() ? c_.tr("(no title)") : card->title.c_str());
        ImGui::TableSetColumnIndex(2);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float width = ImGui::GetContentRegionAvail().x * float(row.dots) / float(most);
        const Category* cat = s.category(card->category_id);
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + ImGui::GetTextLineHeight()),
                                                  packed_color(cat ? cat->color : 0x9AA0A6, 0.3f), 3);
        ImGui::Text(" %d", row.dots);
        ImGui::TableSetColumnIndex(3);
        ImGui::Text("%d", row.voters);
        ImGui::TableSetColumnIndex(4);
        ImGui::BeginDisabled(!have_voter);
        int mine = dots_given(s, current_, card->id);
        ImGui::BeginDisabled(mine == 0);
        if (ImGui::Button(" \u2212 ")) edits::remove_dot(c_.host(), card->id, current_);
        ui::mark_item(fmt::format("problem_map.vote.less.{}", card->id));
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::Text("%d", mine);
        ImGui::SameLine();
        ImGui::BeginDisabled(left <= 0);
        if (ImGui::Button(" + ")) edits::add_dot(c_.host(), card->id, current_);
        ui::mark_item(fmt::format("problem_map.vote.more.{}", card->id));
        ImGui::EndDisabled();
        ImGui::EndDisabled();
        ImGui::TableSetColumnIndex(5);
        bool prioritised = card->prioritised;
        if (ImGui::Checkbox("##prioritised", &prioritised))
            edits::set_number(c_.host(), card->id, edits::NumberField::Prioritised, prioritised ? 1 : 0);
        ui::mark_item(fmt::format("problem_map.vote.prioritised.{}", card->id));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace kartla::problem_map::views
