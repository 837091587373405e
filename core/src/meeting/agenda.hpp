#pragma once
// Running a meeting, without any drawing: the timeboxed agenda of a meeting,
// its parking lot and decision log (stored in the workshop), and the countdown
// the room watches. The clock is injected so tests can simulate time.
#include "kartla/api.hpp"
#include "kartla/workshop.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::agenda {

struct Step {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::string title;
    int minutes = 10;
    std::string view_key;  // the view this step brings to the front; empty: none
    std::int64_t spent_seconds = 0;
};

struct DefaultStep {
    const char* title;  // English msgid
    int minutes;
    const char* view_key;
};
// The usual course of a mapping meeting (kartläggningsmöte).
KARTLA_API const std::vector<DefaultStep>& default_mapping_agenda();

// False for a file of an older kartla opened read-only (it has no agenda tables yet).
KARTLA_API bool available(Database& db);

KARTLA_API std::vector<Step> steps(Database& db, std::int64_t meeting_id);
KARTLA_API std::int64_t add_step(Database& db, std::int64_t meeting_id, std::string_view title, int minutes,
                                 std::string_view view_key);
KARTLA_API void update_step(Database& db, const Step& step);
KARTLA_API void remove_step(Database& db, std::int64_t id);
// Swaps the step with its neighbour above (-1) or below (+1).
KARTLA_API void move_step(Database& db, std::int64_t id, int direction);
KARTLA_API void add_spent(Database& db, std::int64_t id, std::int64_t seconds);

// The parking lot and the decision log share one table.
enum class NoteKind { Decision, Note, Parked };
KARTLA_API const char* note_kind_key(NoteKind kind);  // "decision", "note", "parked"

struct Note {
    std::int64_t id = 0;
    NoteKind kind = NoteKind::Note;
    std::string text;
    bool done = false;  // a parked question that was answered
};
KARTLA_API std::vector<Note> notes(Database& db, std::int64_t meeting_id, NoteKind kind);
KARTLA_API std::int64_t add_note(Database& db, std::int64_t meeting_id, NoteKind kind, std::string_view text);
KARTLA_API void update_note(Database& db, const Note& note);
KARTLA_API void remove_note(Database& db, std::int64_t id);

// A countdown that can be paused and extended.
class KARTLA_API Countdown {
public:
    using Clock = std::function<double()>;  // seconds, monotonic
    explicit Countdown(Clock now);
    void set_clock(Clock now);

    // Starts over for a timebox of `budget_seconds`, of which `already_spent` have gone.
    void reset(double budget_seconds, double already_spent = 0);
    void start();
    void pause();
    void add_minutes(int minutes);
    bool running() const { return running_; }
    double elapsed() const;  // in this timebox, including earlier visits
    double remaining() const;  // negative when over time
    bool time_up() const { return remaining() <= 0; }
    double budget() const { return budget_; }

private:
    Clock now_;
    double budget_ = 0;
    double banked_ = 0;  // elapsed before the last start
    double started_at_ = 0;
    bool running_ = false;
};

// "12:05", or "−1:30" when over time.
KARTLA_API std::string format_clock(double seconds);

// The agenda being run: which step is current, its countdown, and the time
// spent per step written back to the workshop when the step is left or paused.
class KARTLA_API Runner {
public:
    using ShowView = std::function<void(std::string_view key)>;
    Runner(Countdown::Clock now, ShowView show_view);
    void set_clock(Countdown::Clock now) { countdown_.set_clock(std::move(now)); }

    // The steps of the meeting being run, reloaded by the caller when the workshop changes.
    void set_steps(std::int64_t meeting_id, std::vector<Step> steps);
    const std::vector<Step>& steps() const { return steps_; }
    std::int64_t meeting_id() const { return meeting_id_; }
    int current() const { return current_; }  // -1: the meeting has not started
    const Step* current_step() const;

    void go_to(Workshop& workshop, int index);  // also brings the step's view to the front
    void next(Workshop& workshop) { go_to(workshop, current_ + 1); }
    void previous(Workshop& workshop) { go_to(workshop, current_ - 1); }
    void start();
    void pause(Workshop& workshop);
    void add_minutes(int minutes) { countdown_.add_minutes(minutes); }
    // Writes the time spent since the last save into the current step (its own undo step).
    void save_spent(Workshop& workshop);
    const Countdown& countdown() const { return countdown_; }

private:
    Countdown countdown_;
    ShowView show_view_;
    std::int64_t meeting_id_ = 0;
    std::vector<Step> steps_;
    int current_ = -1;
    double saved_elapsed_ = 0;  // elapsed that is already in the file
};

}  // namespace kartla::agenda
