// kartla_bench: one run that times, for each generated workshop size, what a
// facilitator and a municipality wait for, side by side with two baselines:
// the command line (every export, the report, info, a summary of five files)
// as wall time of the real `kartla` program; in this process, opening to the
// first board frame, board frames (opening view and "Show all", CPU time),
// edit → durable, undo and redo on the real file (WAL, synchronous=FULL); and
// a bare one-row SQLite commit with the same settings and a whole-file JSON
// save of the same workshop. Prints one table, writes the figures as JSON.
// Not a test: it asserts nothing. See scripts/bench.sh.
#include "model/edits.hpp"

#include "host/runtime.hpp"
#include "bench_support.hpp"

#include "kartla/keys.hpp"
#include "kartla/plugin_api.hpp"

#include <fmt/format.h>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

extern char** environ;

namespace {

using namespace kartla;
namespace fs = std::filesystem;

using bench::cpu_ms;
using bench::frame;
using bench::median;
using bench::now_ms;
using bench::percentile;

// Wall time of one run of a program, its output thrown away; -1 if it failed.
double run_ms(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const double start = now_ms();
    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    const double took = now_ms() - start;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? took : -1;
}

double median_run(const std::vector<std::string>& args, int repeat) {
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        double t = run_ms(args);
        if (t < 0) return -1;
        times.push_back(t);
    }
    return median(times);
}

// figures[metric][size] = value in ms
using Figures = std::map<std::string, std::map<int, double>>;
std::vector<std::string> g_order;  // metrics in the order measured

void record(Figures& f, const std::string& metric, int size, double value) {
    if (std::find(g_order.begin(), g_order.end(), metric) == g_order.end()) g_order.push_back(metric);
    f[metric][size] = value;
}

const std::vector<std::string> kFormats = {"md",         "csv",           "html",       "xlsx",
                                           "ics",        "report-html",   "report-pdf", "meeting-md",
                                           "actor-network-svg", "actor-network-png", "actor-grid-svg", "actor-grid-png"};

void command_line(Figures& f, const std::string& kartla, const fs::path& file, const fs::path& work, int size, int repeat) {
    const fs::path out = work / "out";
    fs::create_directories(out);
    for (const auto& format : kFormats) {
        const double t = median_run({kartla, "export", file.string(), "--format", format, "-o", (out / ("x." + format)).string()}, repeat);
        record(f, "export " + format, size, t);
        std::printf("  %-28s %9.1f ms\n", ("export " + format).c_str(), t);
        std::fflush(stdout);
    }
    record(f, "info", size, median_run({kartla, "info", file.string()}, repeat));
    std::vector<std::string> summary = {kartla, "summary"};
    for (int i = 1; i <= 5; ++i) {  // five municipalities of one programme
        const fs::path copy = work / fmt::format("municipality-{}-{}.kartla", size, i);
        fs::copy_file(file, copy, fs::copy_options::overwrite_existing);
        summary.push_back(copy.string());
    }
    summary.insert(summary.end(), {"--md", (out / "summary.md").string(), "--today", "2026-12-03"});
    record(f, "summary of 5 files", size, median_run(summary, repeat));
    std::printf("  %-28s %9.1f ms\n  %-28s %9.1f ms\n", "info", f["info"][size], "summary of 5 files",
                f["summary of 5 files"][size]);
}

// --- the board, headless (as problem_map_bench_board_frame)

std::vector<double> frame_times(const ViewSpec& view, int frames) {
    std::vector<double> out;
    for (int i = 0; i < frames; ++i) {
        const double start = cpu_ms();
        frame(view);
        out.push_back(cpu_ms() - start);
    }
    return out;
}

const ViewSpec* board_of(Runtime& runtime) {
    for (const auto& view : runtime.registry().views())
        if (view.spec.key == "problem_map.board") return &view.spec;
    return nullptr;
}

void board(Figures& f, const fs::path& plugins, const fs::path& file, int size) {
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({plugins});
    const ViewSpec* view = board_of(runtime);
    if (!view) throw std::runtime_error("no problem_map.board view: plugins not found in " + plugins.string());
    const double start = now_ms();
    auto opened = Workshop::open(file, OpenMode::ReadWrite, true, runtime.plugins().known_schema());
    if (auto* e = std::get_if<OpenError>(&opened)) throw std::runtime_error(e->message);
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    frame(*view);
    record(f, "open to first frame", size, now_ms() - start);
    for (int i = 0; i < 5; ++i) frame(*view);
    record(f, "board frame, opening view (p95)", size, percentile(frame_times(*view, 60), 95));
    ImGui::GetIO().KeysDown[keys::Home] = true;  // "Show all"
    frame(*view);
    ImGui::GetIO().KeysDown[keys::Home] = false;
    for (int i = 0; i < 3; ++i) frame(*view);
    record(f, "board frame, Show all (p95)", size, percentile(frame_times(*view, 40), 95));
    runtime.set_workshop(nullptr);
}

// --- edits, undo and redo on the real file, as the window makes them

void edits(Figures& f, const fs::path& plugins, const fs::path& file, int size, int count) {
    // The plugins' schema, or their tables open unverified and every edit is refused.
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({plugins});
    auto opened = Workshop::open(file, OpenMode::ReadWrite, true, runtime.plugins().known_schema());
    if (auto* e = std::get_if<OpenError>(&opened)) throw std::runtime_error(e->message);
    Workshop& w = *std::get<std::unique_ptr<Workshop>>(opened);
    std::vector<problem_map::Id> cards;
    auto& s = w.db().prepare("SELECT id FROM problem_map_card ORDER BY id").with();
    while (s.step()) cards.push_back(s.int64(0));
    std::mt19937 rng(7);
    std::vector<double> edit, edit_cpu, undo, redo;
    for (int i = 0; i < count; ++i) {
        const auto card = cards[rng() % cards.size()];
        const std::string title = fmt::format("Klotter på Ängsvägen, ändrat {} gånger", i);
        const double start = now_ms(), start_cpu = cpu_ms();
        auto result = problem_map::edits::set_text(w, card, problem_map::edits::TextField::Title, title);
        edit.push_back(now_ms() - start);
        edit_cpu.push_back(cpu_ms() - start_cpu);
        if (!result) throw std::runtime_error(result.message);
    }
    for (int i = 0; i < count / 2; ++i) {
        const double start = now_ms();
        if (!w.undo()) throw std::runtime_error("undo failed");
        undo.push_back(now_ms() - start);
    }
    for (int i = 0; i < count / 2; ++i) {
        const double start = now_ms();
        if (!w.redo()) throw std::runtime_error("redo failed");
        redo.push_back(now_ms() - start);
    }
    record(f, "edit -> durable (median)", size, median(edit));
    record(f, "edit -> durable (p99)", size, percentile(edit, 99));
    // CPU time only: what kartla adds to the commit, without the wait for the disk.
    record(f, "edit, CPU time (median)", size, median(edit_cpu));
    record(f, "undo (median)", size, median(undo));
    record(f, "undo (p99)", size, percentile(undo, 99));
    record(f, "redo (median)", size, median(redo));
    record(f, "redo (p99)", size, percentile(redo, 99));
}

// --- baselines

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "?";
        sqlite3_free(error);
        throw std::runtime_error(message);
    }
}

// One UPDATE of one row in its own transaction, with the settings kartla's writer uses.
void bare_commit(Figures& f, const fs::path& file, int size, int count) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    for (const char* pragma : {"PRAGMA trusted_schema = OFF", "PRAGMA cell_size_check = ON", "PRAGMA mmap_size = 0",
                               "PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON", "PRAGMA synchronous = FULL",
                               "PRAGMA journal_mode = WAL"})
        exec(db, pragma);
    sqlite3_stmt *begin = nullptr, *update = nullptr, *commit = nullptr;
    sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr);
    sqlite3_prepare_v2(db, "UPDATE problem_map_card SET title = ? WHERE id = ?", -1, &update, nullptr);
    sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr);
    const int cards = int(std::max<sqlite3_int64>(1, [&] {
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(db, "SELECT max(id) FROM problem_map_card", -1, &q, nullptr);
        sqlite3_step(q);
        auto n = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
        return n;
    }()));
    std::vector<double> times, cpu;
    for (int i = 0; i < count; ++i) {
        const std::string title = fmt::format("Klotter på Ängsvägen, ändrat {} gånger", i);
        const double start = now_ms(), start_cpu = cpu_ms();
        sqlite3_step(begin);
        sqlite3_reset(begin);
        sqlite3_bind_text(update, 1, title.c_str(), int(title.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(update, 2, 1 + (i * 7919) % cards);
        sqlite3_step(update);
        sqlite3_reset(update);
        if (sqlite3_step(commit) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
        sqlite3_reset(commit);
        times.push_back(now_ms() - start);
        cpu.push_back(cpu_ms() - start_cpu);
    }
    for (auto* s : {begin, update, commit}) sqlite3_finalize(s);
    sqlite3_close(db);
    record(f, "baseline: bare SQLite commit (median)", size, median(times));
    record(f, "baseline: bare SQLite commit (p99)", size, percentile(times, 99));
    record(f, "baseline: bare SQLite commit, CPU time (median)", size, median(cpu));
}

// What a program that saves the whole workshop as one JSON file on every edit would pay.
void json_save(Figures& f, const fs::path& file, const fs::path& out, int size) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::vector<double> times;
    for (int run = 0; run < 3; ++run) {
        const double start = now_ms();
        nlohmann::json whole = nlohmann::json::object();
        std::vector<std::string> tables;
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", -1, &q,
                           nullptr);
        while (sqlite3_step(q) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
        sqlite3_finalize(q);
        for (const auto& table : tables) {
            auto& rows = whole[table] = nlohmann::json::array();
            const std::string sql = "SELECT * FROM \"" + table + "\"";
            sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr);
            while (sqlite3_step(q) == SQLITE_ROW) {
                nlohmann::json row = nlohmann::json::object();
                for (int c = 0; c < sqlite3_column_count(q); ++c) {
                    const char* name = sqlite3_column_name(q, c);
                    switch (sqlite3_column_type(q, c)) {
                        case SQLITE_INTEGER: row[name] = sqlite3_column_int64(q, c); break;
                        case SQLITE_FLOAT: row[name] = sqlite3_column_double(q, c); break;
                        case SQLITE_NULL: row[name] = nullptr; break;
                        default: row[name] = std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, c)),
                                                         std::size_t(sqlite3_column_bytes(q, c)));
                    }
                }
                rows.push_back(std::move(row));
            }
            sqlite3_finalize(q);
        }
        const std::string text = whole.dump();
        const fs::path temporary = out.string() + ".part";
        int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || ::write(fd, text.data(), text.size()) != ssize_t(text.size()) || ::fsync(fd) != 0)
            throw std::runtime_error("could not write " + temporary.string());
        ::close(fd);
        fs::rename(temporary, out);
        times.push_back(now_ms() - start);
    }
    sqlite3_close(db);
    record(f, "baseline: whole-file JSON save", size, median(times));
}

std::string cell(double value, double base) {
    if (value < 0) return "failed";
    std::string v = value >= 100 ? fmt::format("{:.0f}", value) : value >= 10 ? fmt::format("{:.1f}", value)
                                                                                : fmt::format("{:.2f}", value);
    if (base > 0) v += fmt::format(" ({:.1f}×)", value / base);
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    // kartla_bench KARTLA PLUGIN_DIR WORK_DIR JSON_OUT REPEAT FILE:SIZE...
    if (argc < 7) {
        std::fprintf(stderr, "usage: kartla_bench KARTLA PLUGIN_DIR WORK_DIR JSON_OUT REPEAT FILE:CARDS...\n");
        return 2;
    }
    const std::string kartla = argv[1];
    const fs::path plugins = argv[2], work = argv[3], json_out = argv[4];
    const int repeat = std::max(1, std::atoi(argv[5]));
    std::vector<std::pair<fs::path, int>> files;
    for (int i = 6; i < argc; ++i) {
        std::string a = argv[i];
        auto colon = a.rfind(':');
        files.emplace_back(a.substr(0, colon), std::atoi(a.c_str() + colon + 1));
    }

    bench::start_headless_imgui();

    Figures f;
    try {
        for (const auto& [file, size] : files) {
            std::printf("%d cards (%s)\n", size, file.c_str());
            std::fflush(stdout);
            command_line(f, kartla, file, work, size, repeat);
            const fs::path copy = work / fmt::format("edited-{}.kartla", size);
            fs::copy_file(file, copy, fs::copy_options::overwrite_existing);
            board(f, plugins, copy, size);
            edits(f, plugins, copy, size, 300);
            bare_commit(f, copy, size, 300);
            json_save(f, copy, work / "out" / fmt::format("whole-{}.json", size), size);
            std::printf("  edit %.3f ms, bare commit %.3f ms, undo %.3f ms, Show all %.3f ms\n",
                        f["edit -> durable (median)"][size], f["baseline: bare SQLite commit (median)"][size],
                        f["undo (median)"][size], f["board frame, Show all (p95)"][size]);
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kartla_bench: %s\n", e.what());
        return 1;
    }
    ImGui::DestroyContext();

    // The table: ms, and in brackets the ratio to the smallest workshop.
    const int base_size = files.front().second;
    std::string table = "| ms (ratio to " + std::to_string(base_size) + " cards) |";
    std::string rule = "|---|";
    for (const auto& [file, size] : files) {
        table += fmt::format(" {} cards |", size);
        rule += "---:|";
    }
    table += "\n" + rule + "\n";
    nlohmann::json json;
    json["unit"] = "ms";
    json["repeat"] = repeat;
    for (const auto& metric : g_order) {
        const double base = f[metric][base_size];
        table += "| " + metric + " |";
        for (const auto& [file, size] : files) {
            const double value = f[metric][size];
            table += " " + (size == base_size ? cell(value, 0) : cell(value, base)) + " |";
            json["figures"][metric][std::to_string(size)] = value;
            if (base > 0) json["ratio"][metric][std::to_string(size)] = value / base;
        }
        table += "\n";
    }
    for (const auto& [file, size] : files) {
        const double edit = f["edit -> durable (median)"][size], bare = f["baseline: bare SQLite commit (median)"][size];
        json["edit_over_bare_commit"][std::to_string(size)] = bare > 0 ? edit / bare : -1;
    }
    std::printf("\n%s", table.c_str());
    std::ofstream(json_out) << json.dump(2) << '\n';
    std::printf("\nFigures written to %s\n", json_out.c_str());
    return 0;
}
