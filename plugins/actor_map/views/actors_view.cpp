#include "kartla/privacy.hpp"
#include "kartla/widgets.hpp"
#include "model/images.hpp"
#include "views/views.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <fmt/format.h>

#include <algorithm>

namespace kartla::actor_map::views {

void ActorsView::save_new(Creating& field, std::string text, bool still_typing, const char* label, Create create,
                          Rename rename, Remove remove, Done done) {
    text.erase(0, text.find_first_not_of(' '));
    // The saves while typing join the field's visit's undo step: one step for the name.
    pending_.push_back([&field, still_typing, label, text, create, rename, remove, done,
                        editor = kartla::ui::FieldEditor(s_.host())]() mutable {
        std::int64_t id = field.id;
        bool ok = true;
        if (id || !text.empty()) {
            ok = bool(editor.edit(label, [&](kartla::Database& db) {
                if (!id) id = create(db, text);
                else if (text.empty()) remove(db, id), id = 0;  // typed and erased: nothing was added
                else rename(db, id, text);
            }));
            if (ok) field.id = id;
        }
        if (still_typing || !ok) return;  // a failed save keeps the text to try again
        if (field.id && done) done(field.id);
        field.id = 0;  // the field (emptied by ui::add_field) is ready for the next one
    });
}

void ActorsView::add_new(Creating& field, const char* id, const char* hint,
                         void (ActorsView::*save)(const std::string&, bool)) {
    std::string added;
    switch (kartla::ui::add_field(id, hint, field.text, added)) {
        case kartla::ui::AddEvent::Typed: (this->*save)(field.text, true); break;
        case kartla::ui::AddEvent::Added: (this->*save)(added, false); break;
        case kartla::ui::AddEvent::None: break;
    }
}

void ActorsView::save_new_actor(const std::string& text, bool still_typing) {
    Point near = s_.network_centre;
    auto create = [this, near](kartla::Database& db, const std::string& name) {
        Actor actor;
        actor.name = name;
        // New actors appear near the middle of the network view, clear of the others.
        Snapshot snapshot = load(db);
        Point spot = free_spot(snapshot, near, node_size(name));
        actor.x = spot.x;
        actor.y = spot.y;
        std::int64_t id = actor_map::add_actor(db, actor);
        s_.selected_actor = id;
        s_.selected_relation = 0;
        return id;
    };
    auto rename = [](kartla::Database& db, std::int64_t id, const std::string& name) {
        Snapshot snapshot = load(db);
        if (const Actor* actor = snapshot.actor(id)) {
            Actor renamed = *actor;
            renamed.name = name;
            update_actor(db, renamed);
        }
    };
    // Once named, the new actor's form is ready for the rest (its name field takes the focus).
    // The new actor is shown in the form; the cursor stays in the "new actor" field for the next one.
    save_new(new_actor_, text, still_typing, "Add actor", create, rename, remove_actor,
             [this](std::int64_t id) { s_.selected_actor = id; });
}

void ActorsView::save_new_type(const std::string& text, bool still_typing) {
    save_new(new_type_, text, still_typing, "Add actor type",
             [](kartla::Database& db, const std::string& label) { return add_type(db, label); },
             [](kartla::Database& db, std::int64_t id, const std::string& label) { rename_type(db, id, label); },
             remove_type);
}

void ActorsView::save_form() {
    Actor saved = form_;
    pending_.push_back([this, saved] { s_.host().edit("Edit actor", [&](kartla::Database& db) { update_actor(db, saved); }); });
}

void ActorsView::sync_form(const Actor& actor) {
    std::uint64_t revision = s_.workshop()->revision();
    if (form_actor_ != actor.id) {
        form_ = actor;
        form_actor_ = actor.id;
        form_revision_ = revision;
        editing_.clear();
    } else if (form_revision_ != revision && !ImGui::IsAnyItemActive()) {
        form_ = actor;  // changed elsewhere (undo, another view)
        form_revision_ = revision;
    }
}

// ImGui 1.86 cannot wrap words in a multi-line field, and a mandate cut off at the
// right edge is useless on a projector. So a long text is shown wrapped in a frame,
// and a tap turns it into the editor until the user leaves it.
bool ActorsView::long_text_field(const std::string& id, const char* key, const std::string& stored,
                                 const kartla::ui::TextWrite& write) {
    const ImGuiStyle& style = ImGui::GetStyle();
    std::string probe = std::string("actor_map.actors.") + key;
    const std::string* kept = kartla::ui::kept_text(id.c_str());  // text not yet saved stays in its editor
    if (editing_ != key && !kept) {
        float width = ImGui::GetContentRegionAvail().x, wrap = width - 2 * style.FramePadding.x;
        const char* text = stored.c_str();
        ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, wrap);
        float height = std::max(size.y, ImGui::GetTextLineHeight() * 2) + 2 * style.FramePadding.y;
        ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(width, height))) {
            editing_ = key;
            focus_frames_ = 3;
        }
        kartla::ui::mark_item(probe);
        ImDrawList* list = ImGui::GetWindowDrawList();
        list->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
        list->AddRect(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
        list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + style.FramePadding.x, at.y + style.FramePadding.y),
                      ImGui::GetColorU32(ImGuiCol_Text), text, nullptr, wrap);
        return false;
    }
    if (editing_ == key && focus_frames_ == 3) ImGui::SetKeyboardFocusHere();
    bool written = kartla::ui::text_field(id.c_str(), stored, s_.host(), write, {.lines = 4.0f, .probe = probe});
    bool active = ImGui::GetActiveID() == ImGui::GetID(id.c_str());
    if (focus_frames_ > 0) --focus_frames_;
    else if (editing_ == key && !active) editing_.clear();  // left the field: show it wrapped again
    return written;
}

void ActorsView::text_field(const char* label_msgid, const char* key, std::int64_t actor, ActorText field,
                            const std::string& stored, bool multiline) {
    ImGui::TextUnformatted(s_.tr(label_msgid));
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string id = std::string("##") + key;
    kartla::ui::TextWrite write = [actor, field](kartla::Editor& editor, const std::string& text) {
        if (field == ActorText::Name && text.empty()) return true;  // an actor keeps its name; said under the field
        return bool(editor.edit("Edit actor", [&](kartla::Database& db) { set_actor_text(db, actor, field, text); }));
    };
    if (multiline) long_text_field(id, key, stored, write);
    else kartla::ui::text_field(id.c_str(), stored, s_.host(), write, {.probe = std::string("actor_map.actors.") + key});
    const std::string* kept = kartla::ui::kept_text(id.c_str());
    const std::string& shown = kept ? *kept : stored;
    if (field == ActorText::Name && shown.empty()) kartla::ui::field_error(s_.tr("An actor needs a name."));
    if (!kartla::privacy::find_personal_data(shown).empty())
        kartla::ui::field_error(s_.tr("This looks like personal data (an identity number, phone number or e-mail address). "
                                      "Record organisations and roles only."));
}

void ActorsView::draw_list(const Data& d) {
    if (d.snapshot.actors.empty()) kartla::ui::hint(s_.tr("No actors yet."));
    ImDrawList* list = ImGui::GetWindowDrawList();
    float swatch = ImGui::GetFontSize() * 0.8f;
    for (const auto& actor : d.snapshot.actors) {
        ImGui::PushID(int(actor.id));
        ImVec2 at = ImGui::GetCursorScreenPos();
        const ActorType* type = d.snapshot.type(actor.type_id);
        const std::string label = actor.name.empty() ? s_.tr("(no name)") : actor.name;
        ImGui::SetCursorScreenPos(ImVec2(at.x + swatch * 1.6f, at.y));
        // A long name wraps onto a second line and is cut with "…" after it, whole on hover
        // or hold: the list is narrow at 300 %, and it never scrolls sideways.
        const float width = ImGui::GetContentRegionAvail().x;
        bool cut = false;
        const float text_height = kartla::ui::draw_clipped_text(nullptr, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(),
                                                                0, label.c_str(), width, 2, &cut);
        const float height = std::max(ImGui::GetFrameHeight() * 1.3f, text_height + ImGui::GetStyle().FramePadding.y * 2);
        ImVec2 text_at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##row", s_.selected_actor == actor.id, 0, ImVec2(0, height))) {
            s_.selected_actor = actor.id;
            s_.selected_relation = 0;
        }
        kartla::ui::mark_item(fmt::format("actor_map.actors.row.{}", actor.id));
        kartla::ui::draw_clipped_text(list, ImGui::GetFont(), ImGui::GetFontSize(),
                                      ImVec2(text_at.x, text_at.y + (height - text_height) / 2),
                                      ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), width, 2);
        if (cut) kartla::ui::whole_text_tip(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), label.c_str());
        float y = at.y + (height - swatch) / 2;
        list->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + swatch, y + swatch),
                            colour(type_colour(type ? type->key : "other", actor.type_id)), 3);
        bool gap = d.gaps.isolated_set.count(actor.id) > 0;
        if (gap) list->AddRect(ImVec2(at.x, y), ImVec2(at.x + swatch, y + swatch), IM_COL32(198, 40, 40, 255), 3, 0, 2.5f);
        ImGui::PopID();
    }
    }

void ActorsView::draw_participants(const Data& d, const Actor& actor) {
    ImGui::TextUnformatted(s_.tr("Represented at the workshop by"));
    if (d.participants.empty()) kartla::ui::hint(s_.tr("No participants are recorded in this workshop."));
    for (const auto& p : d.participants) {
        auto found = d.snapshot.represented_by.find(p.id);
        bool mine = found != d.snapshot.represented_by.end() && found->second == actor.id;
        std::string label = fmt::format("{}, {}##participant{}", p.role, p.organisation, p.id);
        if (ImGui::Checkbox(label.c_str(), &mine)) {
            std::int64_t participant = p.id, target = mine ? actor.id : 0;
            pending_.push_back([this, participant, target] {
                s_.host().edit("Link participant to actor", [&](kartla::Database& db) { set_represented(db, participant, target); });
            });
        }
        kartla::ui::mark_item(fmt::format("actor_map.actors.participant.{}", p.id));
        if (found != d.snapshot.represented_by.end() && !mine)
            if (const Actor* other = d.snapshot.actor(found->second)) {
                ImGui::SameLine();
                ImGui::TextDisabled("(%s)", other->name.c_str());
            }
    }
}

void ActorsView::draw_details(const Data& d, const Actor& actor) {
    // Another actor: its form starts at the top; a new one is ready to be named.
    if (form_actor_ != actor.id) ImGui::SetScrollY(0);
    sync_form(actor);
    ImGui::PushID(int(actor.id));  // fields of different actors never share an ImGui id
    text_field("Name", "name", actor.id, ActorText::Name, actor.name, false);

    ImGui::TextUnformatted(s_.tr("Type"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    const ActorType* current = d.snapshot.type(form_.type_id);
    std::string current_label = current ? type_label(*current, s_.translator()) : s_.tr("Other");
    if (ImGui::BeginCombo("##type", current_label.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const auto& type : d.snapshot.types)
            if (ImGui::Selectable(type_label(type, s_.translator()).c_str(), type.id == form_.type_id)) {
                form_.type_id = type.id;
                save_form();
            }
        ImGui::EndCombo();
    }
    kartla::ui::mark_item("actor_map.actors.type");
    text_field("Contact role", "contact_role", actor.id, ActorText::ContactRole, actor.contact_role, false);
    text_field("Mandate and powers", "mandate", actor.id, ActorText::Mandate, actor.mandate, true);
    text_field("Resources they bring", "resources", actor.id, ActorText::Resources, actor.resources, true);
    text_field("Notes", "notes", actor.id, ActorText::Notes, actor.notes, true);

    ImGui::Spacing();
    if (actor.on_grid)
        ImGui::Text("%s %s", s_.tr("On the grid:"), s_.tr(quadrant_msgid(actor.interest, actor.influence)));
    else
        kartla::ui::hint(s_.tr("Not on the influence × interest grid yet."));
    for (auto role : {kRoleOwns, kRoleContributes, kRoleAffected}) {
        std::string titles;
        for (const auto& link : d.snapshot.problem_links)
            if (link.actor_id == actor.id && link.role == role)
                for (const auto& p : d.problems)
                    if (p.id == link.problem_id) titles += (titles.empty() ? "" : "; ") + p.label;
        if (!titles.empty()) ImGui::TextWrapped("%s: %s", s_.tr(role_msgid(role)), titles.c_str());
    }
    ImGui::Spacing();
    draw_participants(d, actor);
    ImGui::Spacing();
    std::int64_t id = actor.id;
    if (tool_button(s_.tr("Delete actor"), false))
        pending_.push_back([this, id] { s_.host().edit("Delete actor", [&](kartla::Database& db) { remove_actor(db, id); }); });
    kartla::ui::mark_item("actor_map.actors.delete");
    ImGui::PopID();
}

void ActorsView::draw_types(const Data& d) {
    const bool open = kartla::ui::clipped_header("###actor_map.actors.types", s_.tr("Actor types (an editable list)"));
    if (!open) return;
    std::uint64_t revision = s_.workshop()->revision();
    if (types_revision_ != revision && !ImGui::IsAnyItemActive()) {
        type_labels_.clear();
        for (const auto& type : d.snapshot.types) type_labels_[type.id] = type_label(type, s_.translator());
        types_revision_ = revision;
    }
    for (const auto& type : d.snapshot.types) {
        ImGui::PushID(int(type.id));
        auto in_use = std::count_if(d.snapshot.actors.begin(), d.snapshot.actors.end(),
                                    [&](const Actor& a) { return a.type_id == type.id; });
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6);
        std::string& label = type_labels_[type.id];
        if (kartla::ui::input_text("##label", label) && !label.empty() && label != type_label(type, s_.translator())) {
            std::int64_t id = type.id;
            std::string renamed = label;
            pending_.push_back([id, renamed, editor = kartla::ui::FieldEditor(s_.host())]() mutable {
                editor.edit("Rename actor type", [&](kartla::Database& db) { rename_type(db, id, renamed); });
            });
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(in_use > 0);
        if (ImGui::Button(s_.tr("Remove"))) {
            std::int64_t id = type.id;
            pending_.push_back([this, id] { s_.host().edit("Remove actor type", [&](kartla::Database& db) { remove_type(db, id); }); });
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6);
    add_new(new_type_, "##new_type", s_.tr("A new type"), &ActorsView::save_new_type);
    ImGui::SameLine();
    if (ImGui::Button(s_.tr("Add type")) && !new_type_.text.empty())  // leaving the field saved it already
        save_new_type(std::exchange(new_type_.text, {}), false);
}

// For the room: the list beside the selected actor's mandate, resources and contact
// role as text; no fields, no buttons.
bool ActorsView::draw_room() {
    if (!s_.workshop()) return false;
    const Data& d = s_.data();
    float list_width = std::max(ImGui::GetContentRegionAvail().x * 0.38f, ImGui::GetFontSize() * 10);
    ImGui::BeginChild("##room_actor_list", ImVec2(list_width, 0), true);
    draw_list(d);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##room_actor_details", ImVec2(0, 0), true);
    if (const Actor* actor = d.snapshot.actor(s_.selected_actor)) {
        ImGui::TextWrapped("%s", actor->name.empty() ? s_.tr("(no name)") : actor->name.c_str());
        ImGui::Separator();
        for (auto [msgid, text] : {std::pair{"Mandate and powers", &actor->mandate}, std::pair{"Resources they bring", &actor->resources},
                                   std::pair{"Contact role", &actor->contact_role}}) {
            if (text->empty()) continue;
            ImGui::TextDisabled("%s", s_.tr(msgid));
            ImGui::TextWrapped("%s", text->c_str());
            ImGui::Spacing();
        }
    }
    ImGui::EndChild();
    kartla::ui::mark_item("actor_map.room.actors");
    return true;
}

void ActorsView::draw() {
    if (!s_.workshop()) {
        kartla::ui::hint(s_.tr("No workshop is open."));
        return;
    }
    const Data& d = s_.data();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.6f, ImGui::GetFontSize() * 22));
    add_new(new_actor_, "##new_actor", s_.tr("Name of a new organisation, unit or role"), &ActorsView::save_new_actor);
    kartla::ui::mark_item("actor_map.actors.new_name");
    ImGui::SameLine();
    // Leaving the field for this button saves what was typed; pressed later, it tries a failed save again.
    if (kartla::ui::big_button(s_.tr("Add actor")) && !new_actor_.text.empty())
        save_new_actor(std::exchange(new_actor_.text, {}), false);
    kartla::ui::mark_item("actor_map.actors.add");
    kartla::ui::hint(s_.tr("Organisations, units and roles only: never private persons."));

    float list_width = std::max(ImGui::GetContentRegionAvail().x * 0.38f, ImGui::GetFontSize() * 10);
    ImGui::BeginChild("##actor_list", ImVec2(list_width, 0), true);
    draw_list(d);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##actor_details", ImVec2(0, 0), true);
    if (const Actor* actor = d.snapshot.actor(s_.selected_actor)) draw_details(d, *actor);
    else kartla::ui::hint(s_.tr("Select an actor in the list to see and edit its mandate, resources and contact role."));
    ImGui::Spacing();
    draw_types(d);
    ImGui::EndChild();

    auto actions = std::move(pending_);
    pending_.clear();
    for (auto& action : actions) action();
}

}  // namespace kartla::actor_map::views
