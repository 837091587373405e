#include "meeting/agenda.hpp"

#include "kartla/database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kartla::agenda {

const std::vector<DefaultStep>& default_mapping_agenda() {
    static const std::vector<DefaultStep> steps = {
        {"Welcome and purpose", 10, "core.workshop"},
        {"Problem picture", 30, "problem_map.board"},
        {"Prioritisation", 15, "problem_map.board/priority"},
        {"Causes", 25, "problem_map.board/causes"},
        {"Actors", 20, "actor_map.actors"},
        {"Measures", 30, "action_plan.table"},
        {"Wrap-up", 10, "core.workshop"},
    };
    return steps;
}

bool available(Database& db) {
    return db.scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                         "('core_agenda_step', 'core_meeting_note')") == 2;
}

std::vector<Step> steps(Database& db, std::int64_t meeting_id) {
    std::vector<Step> out;
    auto& s = db.prepare("SELECT id, meeting_id, title, minutes, view_key, spent_seconds FROM core_agenda_step "
                         "WHERE meeting_id = ? ORDER BY position, id")
                  .with(meeting_id);
    while (s.step()) out.push_back({s.int64(0), s.int64(1), s.text(2), s.integer(3), s.text(4), s.int64(5)});
    return out;
}

std::int64_t add_step(Database& db, std::int64_t meeting_id, std::string_view title, int minutes,
                      std::string_view view_key) {
    db.run("INSERT INTO core_agenda_step(id, meeting_id, position, title, minutes, view_key) VALUES "
           "(kartla_key(), ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM core_agenda_step WHERE meeting_id = ?), ?, ?, ?)",
           meeting_id, meeting_id, title, std::max(minutes, 0), view_key);
    return db.last_insert_id();
}

void update_step(Database& db, const Step& step) {
    db.run("UPDATE core_agenda_step SET title = ?, minutes = ?, view_key = ? WHERE id = ?", step.title,
           std::max(step.minutes, 0), step.view_key, step.id);
}

void remove_step(Database& db, std::int64_t id) { db.run("DELETE FROM core_agenda_step WHERE id = ?", id); }

void move_step(Database& db, std::int64_t id, int direction) {
    std::int64_t meeting = db.scalar_int("SELECT meeting_id FROM core_agenda_step WHERE id = ?", id);
    auto list = steps(db, meeting);
    auto it = std::find_if(list.begin(), list.end(), [&](const Step& s) { return s.id == id; });
    if (it == list.end()) return;
    auto index = it - list.begin();
    auto other = index + direction;
    if (other < 0 || other >= std::ptrdiff_t(list.size())) return;
    std::swap(list[std::size_t(index)], list[std::size_t(other)]);
    // Renumber the whole meeting: positions may have gaps or ties after removals.
    for (std::size_t i = 0; i < list.size(); ++i)
        db.run("UPDATE core_agenda_step SET position = ? WHERE id = ?", std::int64_t(i + 1), list[i].id);
}

void add_spent(Database& db, std::int64_t id, std::int64_t seconds) {
    db.run("UPDATE core_agenda_step SET spent_seconds = MAX(0, spent_seconds + ?) WHERE id = ?", seconds, id);
}

const char* note_kind_key(NoteKind kind) {
    switch (kind) {
        case NoteKind::Decision: return "decision";
        case NoteKind::Parked: return "parked";
        default: return "note";
    }
}

std::vector<Note> notes(Database& db, std::int64_t meeting_id, NoteKind kind) {
    std::vector<Note> out;
    auto& s = db.prepare("SELECT id, text, done FROM core_meeting_note WHERE meeting_id = ? AND kind = ? "
                         "ORDER BY position, id")
                  .with(meeting_id, std::string(note_kind_key(kind)));
    while (s.step()) out.push_back({s.int64(0), kind, s.text(1), s.int64(2) != 0});
    return out;
}

std::int64_t add_note(Database& db, std::int64_t meeting_id, NoteKind kind, std::string_view text) {
    std::string key = note_kind_key(kind);
    db.run("INSERT INTO core_meeting_note(id, meeting_id, kind, text, position) VALUES (kartla_key(), ?, ?, ?, "
           "(SELECT COALESCE(MAX(position), 0) + 1 FROM core_meeting_note WHERE meeting_id = ? AND kind = ?))",
           meeting_id, key, text, meeting_id, key);
    return db.last_insert_id();
}

void update_note(Database& db, const Note& note) {
    db.run("UPDATE core_meeting_note SET text = ?, done = ? WHERE id = ?", note.text, std::int64_t(note.done), note.id);
}

void remove_note(Database& db, std::int64_t id) { db.run("DELETE FROM core_meeting_note WHERE id = ?", id); }

// --- the countdown

Countdown::Countdown(Clock now) : now_(std::move(now)) {}

void Countdown::set_clock(Clock now) {
    double spent = elapsed();
    now_ = std::move(now);
    banked_ = spent;
    started_at_ = now_();
}

void Countdown::reset(double budget_seconds, double already_spent) {
    budget_ = budget_seconds;
    banked_ = already_spent;
    started_at_ = now_();
}

void Countdown::start() {
    if (running_) return;
    started_at_ = now_();
    running_ = true;
}

void Countdown::pause() {
    if (!running_) return;
    banked_ = elapsed();
    running_ = false;
}

void Countdown::add_minutes(int minutes) { budget_ += minutes * 60.0; }

double Countdown::elapsed() const { return banked_ + (running_ ? std::max(0.0, now_() - started_at_) : 0.0); }

double Countdown::remaining() const { return budget_ - elapsed(); }

std::string format_clock(double seconds) {
    // Whole seconds, rounded up while counting down so "0:00" means the time is really up.
    bool over = seconds < 0;
    auto whole = static_cast<long long>(over ? std::floor(-seconds) : std::ceil(seconds));
    return fmt::format("{}{}:{:02}", over ? "−" : "", whole / 60, whole % 60);
}

// --- the runner

Runner::Runner(Countdown::Clock now, ShowView show_view) : countdown_(std::move(now)), show_view_(std::move(show_view)) {}

void Runner::set_steps(std::int64_t meeting_id, std::vector<Step> steps) {
    std::int64_t current_id = (meeting_id == meeting_id_ && current_step()) ? current_step()->id : 0;
    int old_minutes = current_step() ? current_step()->minutes : 0;
    bool same_meeting = meeting_id == meeting_id_;
    meeting_id_ = meeting_id;
    steps_ = std::move(steps);
    int found = -1;
    for (std::size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].id == current_id) found = int(i);
    if (found >= 0) {
        current_ = found;
        // The facilitator may have changed the minutes of the running step.
        countdown_.add_minutes(steps_[std::size_t(found)].minutes - old_minutes);
        return;
    }
    current_ = -1;
    if (!same_meeting || current_id) countdown_.pause();
    countdown_.reset(0);
    saved_elapsed_ = 0;
}

const Step* Runner::current_step() const {
    return current_ >= 0 && current_ < int(steps_.size()) ? &steps_[std::size_t(current_)] : nullptr;
}

void Runner::save_spent(Workshop& workshop) {
    const Step* step = current_step();
    if (!step || workshop.read_only()) return;
    auto seconds = static_cast<std::int64_t>(std::floor(countdown_.elapsed() - saved_elapsed_));
    if (seconds < 1) return;
    std::int64_t id = step->id;
    if (workshop.edit("Record time spent", [&](Database& db) { add_spent(db, id, seconds); })) {
        saved_elapsed_ += double(seconds);
        steps_[std::size_t(current_)].spent_seconds += seconds;
    }
}

void Runner::go_to(Workshop& workshop, int index) {
    if (index < 0 || index >= int(steps_.size()) || index == current_) return;
    save_spent(workshop);
    bool was_running = countdown_.running();
    countdown_.pause();
    current_ = index;
    const Step& step = steps_[std::size_t(index)];
    saved_elapsed_ = double(step.spent_seconds);
    countdown_.reset(60.0 * step.minutes, saved_elapsed_);
    if (was_running) countdown_.start();
    if (!step.view_key.empty() && show_view_) show_view_(step.view_key);
}

void Runner::start() {
    if (!current_step() && !steps_.empty()) return;  // go_to(0) first: the panel does it
    countdown_.start();
}

void Runner::pause(Workshop& workshop) {
    countdown_.pause();
    save_spent(workshop);
}

}  // namespace kartla::agenda
