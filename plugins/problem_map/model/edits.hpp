#pragma once
// Every change to the problem picture. Each function is one Workshop::edit, so
// one user action is one transaction and one undo step; undo itself is the core's.
#include "placement.hpp"
#include "types.hpp"

#include "kartla/workshop.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace kartla::problem_map::edits {

enum class TextField { Title, Description, Place, WhenNote, TargetGroup, Extent, SourceLimitations };
enum class NumberField { Category, Area, Seasons, Weekdays, TimesOfDay, Severity, SignalCrime, Sources, Impact,
                         Influence, Prioritised };
enum class ChoiceField { Trend, Confidence };
enum class TriangleField { Offender, Target, Place, Handler, Guardian, Manager };

struct CardPosition {
    Id id = 0;
    float x = 0, y = 0;
};

// --- cards
// Creates a card whose top-left corner is at (x, y); face down while a silent round
// runs; joins the cluster it lands in. Returns the new id, 0 on failure (see `result`).
Id create_card(Editor& w, float x, float y, std::string_view title = {}, EditResult* result = nullptr);
// Creates an empty card at the first free place of a grid over `view` (world
// units: the part of the board on screen), face down during a silent round.
Id create_card_in_view(Editor& w, const placement::Rect& view, EditResult* result = nullptr);
// Moves cards; each joins the cluster its centre lands in, or leaves its cluster.
EditResult move_cards(Editor& w, const std::vector<CardPosition>& positions);
EditResult set_text(Editor& w, Id card, TextField field, std::string_view value);
EditResult set_number(Editor& w, Id card, NumberField field, std::int64_t value);  // 0 clears category/area
EditResult set_choice(Editor& w, Id card, ChoiceField field, std::string_view value);
// Deletes the cards, their votes, causes and triangle, and every core link to them.
EditResult delete_cards(Editor& w, const std::vector<Id>& cards);
// Places a card in a matrix cell by changing the fields the matrix shows.
// column/row are 0-based, row 0 at the top; see queries.hpp for the axes.
EditResult set_matrix_cell(Editor& w, Id card, MatrixMode mode, int column, int row);

// --- clusters
// A frame at a given place; it takes no cards.
Id create_cluster(Editor& w, std::string_view name, float x, float y, float width, float height);
// A frame beside the existing ones (placement::free_cluster_place). With
// `members`, it is made to hold them and they move into it; without, it is
// `width` x `height` and empty.
Id create_cluster_in_view(Editor& w, std::string_view name, const placement::Rect& view, float header,
                          const std::vector<Id>& members, float width, float height);
// Moves the frame and every card in it.
EditResult move_cluster(Editor& w, Id cluster, float dx, float dy);
// Changes the frame; cards whose centre is now inside join, members now outside leave.
EditResult resize_cluster(Editor& w, Id cluster, float x, float y, float width, float height);
EditResult rename_cluster(Editor& w, Id cluster, std::string_view name);
EditResult delete_cluster(Editor& w, Id cluster);  // its cards stay on the board

// --- silent brainstorm
EditResult start_silent_round(Editor& w);
// Turns every card face up and ends the round. A card from a phone still face down
// outside `view` (the board the room sees) first moves to a free place in it: the
// room sees every phone's card the moment it is revealed, none off screen.
EditResult reveal_all(Editor& w, const std::optional<placement::Rect>& view = std::nullopt);

// --- phones in the room (docs/phones.md; model/phone_routes.* reads their requests)
struct PhoneCard {
    std::string title, description, place, when_note;
    Id category = 0;  // 0: none; an unknown category is none too
    std::string sent_id;  // made on the phone, 32 hex digits; "" for none
};
// Where a phone's card goes when no board is on a screen (`kartla serve`): a screen's worth at the origin.
inline constexpr placement::Rect kPhoneCardsWithoutView{0, 0, 1600, 900};
// A phone's card as the meeting has it after create_card_from_phone.
struct PhoneCardKept {
    Id id = 0;              // 0: the edit failed (see its EditResult)
    bool face_down = false;
    bool again = false;     // sent before under the same sent_id: that card, not a second one
};
// A card from a phone: face down during a silent round, on the first free place
// of `view` (the facilitator's board as the room sees it), never over another.
// Asks only for the cards near that place (the index on position): a card costs
// the same on a board of 50,000 cards as on one of 15. `cards_near`, when given, answers
// that instead of the file: the board's grid of the snapshot of this revision (grid_cards_meeting).
// A card sent again (the phone never heard the answer) is found in the same
// transaction and kept `again`: nothing is written, so there is no undo step.
PhoneCardKept create_card_from_phone(Editor& w, const PhoneCard& card,
                                     const placement::Rect& view = kPhoneCardsWithoutView, EditResult* result = nullptr,
                                     const placement::CardsMeeting& cards_near = {});
// Sets this phone's dots on a card (0 takes them back). Refused while phone voting
// is closed, for a card face down or gone, and beyond the room's dots per voter.
EditResult set_phone_dots(Editor& w, std::string_view phone, Id card, int dots);
// Why set_phone_dots would refuse (an English msgid), or nullptr. The phone's
// request asks first, so a refusal goes to the phone, not onto the room's screen.
const char* phone_dots_refusal(Database& db, std::string_view phone, Id card, int dots);
EditResult set_phone_voting(Editor& w, bool open);

// --- voting and priority
EditResult add_dot(Editor& w, Id card, const Voter& voter);  // fails when the voter has no dots left
EditResult remove_dot(Editor& w, Id card, const Voter& voter);
EditResult set_dots_per_voter(Editor& w, int dots);
EditResult set_vote_by(Editor& w, VoteBy by);
EditResult clear_votes(Editor& w);
EditResult set_matrix_mode(Editor& w, MatrixMode mode);

// --- cause analysis
Id add_cause(Editor& w, Id card, Id parent, std::string_view text, EditResult* result = nullptr);
EditResult set_cause_text(Editor& w, Id cause, std::string_view text);
EditResult set_cause_nature(Editor& w, Id cause, std::string_view nature);
EditResult set_cause_factor(Editor& w, Id cause, std::string_view factor);
// parent 0: becomes a direct cause. Refuses a parent inside the cause's own branch.
EditResult reparent_cause(Editor& w, Id cause, Id parent);
EditResult delete_cause(Editor& w, Id cause);  // and the causes under it
EditResult set_triangle(Editor& w, Id card, TriangleField field, std::string_view value);

// --- the workshop's lists
Id add_category(Editor& w, std::string_view name, std::uint32_t color);
EditResult rename_category(Editor& w, Id category, std::string_view name);
EditResult set_category_color(Editor& w, Id category, std::uint32_t color);
EditResult delete_category(Editor& w, Id category);  // its cards become uncategorised
Id add_area(Editor& w, std::string_view name, std::string_view police_class);
EditResult rename_area(Editor& w, Id area, std::string_view name);
EditResult set_area_class(Editor& w, Id area, std::string_view police_class);
EditResult delete_area(Editor& w, Id area);  // its cards keep their place text, lose the area

}  // namespace kartla::problem_map::edits
