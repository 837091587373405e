// Kills crash_writer with SIGKILL at random moments and checks after each kill
// that the workshop opens (Workshop::open), passes PRAGMA integrity_check, and
// holds every edit the writer acknowledged, intact.
//
// A file is reused for ten kills in a row, so later writers start on a file a
// killed writer left behind (hot WAL, half-written frames); half of the checks
// open it read-only (as `kartla info` would), which leaves that WAL in place.
//
// Usage: crash_harness --writer PATH [--runs N] [--seed S] [--dir DIR] [--expect-loss]
// Prints the counts; exits 1 when a file was corrupt or an acknowledged edit lost.
// --expect-loss runs the deliberately broken writer (it acknowledges before it
// commits) and exits 0 only if the losses are seen: the harness can see a loss.
#include "crash_payload.hpp"
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace kartla;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
    std::string writer;
    int runs = 50;
    std::uint64_t seed = std::random_device{}();
    fs::path dir;
    bool expect_loss = false;
};

struct Totals {
    int runs = 0;
    int corrupt = 0;
    int lost = 0;        // acknowledged edits missing or damaged after a kill
    int damaged = 0;     // rows (acknowledged or not) whose content is torn
    int writer_failed = 0;
    int killed_before_first_edit = 0;
    long acknowledged = 0;
};

// The writer's stdout; read until the pipe closes after the kill.
class Child {
public:
    Child(const std::string& writer, const fs::path& file, bool broken) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::execl(writer.c_str(), writer.c_str(), file.c_str(), broken ? "--acknowledge-before-commit" : nullptr,
                    static_cast<char*>(nullptr));
            std::_Exit(127);
        }
        ::close(fds[1]);
        out_ = fds[0];
    }
    ~Child() {
        if (out_ >= 0) ::close(out_);
    }

    // Reads what is there, waiting at most `timeout_ms`; false at end of file.
    bool read_some(int timeout_ms) {
        pollfd p{out_, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) return true;
        char buffer[4096];
        ssize_t n = ::read(out_, buffer, sizeof buffer);
        if (n <= 0) return false;
        pending_.append(buffer, std::size_t(n));
        for (auto end = pending_.find('\n'); end != std::string::npos; end = pending_.find('\n')) {
            acknowledged_.push_back(std::stoll(pending_.substr(0, end)));
            pending_.erase(0, end + 1);
        }
        return true;
    }

    // Returns true when the writer was still running (so the kill was the end of it).
    bool kill_and_reap() {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        while (read_some(1000)) {
        }
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }

    const std::vector<std::int64_t>& acknowledged() const { return acknowledged_; }

private:
    pid_t pid_ = -1;
    int out_ = -1;
    std::string pending_;
    std::vector<std::int64_t> acknowledged_;
};

void remove_workshop(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix, ec);
}

void create_workshop(const fs::path& file) {
    remove_workshop(file);
    auto created = Workshop::create(file);
    if (auto* e = std::get_if<OpenError>(&created)) throw std::runtime_error(e->message);
}

// Counts acknowledged edits that are missing or damaged; reports what it finds.
struct Verdict {
    bool corrupt = false;
    std::set<std::int64_t> lost;
    int damaged = 0;
};

Verdict verify(const fs::path& file, OpenMode mode, const std::set<std::int64_t>& acknowledged) {
    Verdict verdict;
    auto opened = Workshop::open(file, mode, mode == OpenMode::ReadWrite);
    if (auto* e = std::get_if<OpenError>(&opened)) {
        std::fprintf(stderr, "  cannot open after the kill: %s\n", e->message.c_str());
        verdict.corrupt = true;
        return verdict;
    }
    auto& db = std::get<std::unique_ptr<Workshop>>(opened)->db();
    if (auto check = db.scalar_text("PRAGMA integrity_check"); check != "ok") {
        std::fprintf(stderr, "  integrity_check: %s\n", check.c_str());
        verdict.corrupt = true;
    }
    if (auto fk = db.scalar_int("SELECT count(*) FROM pragma_foreign_key_check"); fk != 0) {
        std::fprintf(stderr, "  %lld foreign key violations\n", static_cast<long long>(fk));
        verdict.corrupt = true;
    }
    std::map<std::int64_t, std::string> stored;
    auto& rows = db.prepare("SELECT role, organisation FROM core_participant WHERE role LIKE 'edit-%'").with();
    while (rows.step()) stored.emplace(std::stoll(rows.text(0).substr(5)), rows.text(1));
    for (auto& [seq, organisation] : stored)
        if (!crash::organisation_intact(seq, organisation)) {
            std::fprintf(stderr, "  edit %lld is damaged\n", static_cast<long long>(seq));
            ++verdict.damaged;
        }
    for (auto seq : acknowledged) {
        auto found = stored.find(seq);
        if (found == stored.end() || !crash::organisation_intact(seq, found->second)) {
            std::fprintf(stderr, "  acknowledged edit %lld is %s\n", static_cast<long long>(seq),
                         found == stored.end() ? "missing" : "damaged");
            verdict.lost.insert(seq);
        }
    }
    // Every edit sets the title, so it names the newest edit in the file.
    if (!stored.empty() && core_data::meta(db, "title") != crash::role_of(stored.rbegin()->first)) {
        std::fprintf(stderr, "  the title is from another edit than the newest row\n");
        verdict.corrupt = true;
    }
    return verdict;
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; i += 2) {
        std::string_view flag = argv[i];
        if (flag == "--expect-loss") {
            options.expect_loss = true;
            --i;
            continue;
        }
        if (i + 1 >= argc) throw std::runtime_error(fmt::format("{} needs a value", flag));
        if (flag == "--writer") options.writer = argv[i + 1];
        else if (flag == "--runs") options.runs = std::atoi(argv[i + 1]);
        else if (flag == "--seed") options.seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (flag == "--dir") options.dir = argv[i + 1];
        else throw std::runtime_error(fmt::format("unknown option {}", flag));
    }
    if (options.writer.empty()) throw std::runtime_error("usage: crash_harness --writer PATH [--runs N] [--seed S] [--dir DIR]");
    return options;
}

}  // namespace

int main(int argc, char** argv) try {
    Options options = parse(argc, argv);
    bool own_dir = options.dir.empty();
    if (own_dir) {
        std::string pattern = (fs::temp_directory_path() / "kartla-crash-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        options.dir = pattern;
    }
    std::printf("crash test: %d runs, seed %llu, in %s\n", options.runs,
                static_cast<unsigned long long>(options.seed), options.dir.c_str());
    std::fflush(stdout);
    std::mt19937_64 random(options.seed);
    fs::path file = options.dir / "crash.kartla";
    std::set<std::int64_t> acknowledged;
    std::set<std::int64_t> reported_lost;  // a lost edit stays lost in later checks of the same file
    Totals totals;
    auto started = Clock::now();
    for (int run = 0; run < options.runs; ++run) {
        if (run % 10 == 0) {
            create_workshop(file);
            acknowledged.clear();
            reported_lost.clear();
        }
        Child child(options.writer, file, options.expect_loss);
        // One kill in five lands anywhere from start-up on (opening, WAL recovery);
        // the rest while the writer is in its edit loop, some late enough to
        // catch a WAL checkpoint.
        auto kind = random() % 10;
        bool early = kind < 2;
        auto window_us = early ? 20'000 : kind < 7 ? 40'000 : 300'000;
        if (!early) {
            auto deadline = Clock::now() + std::chrono::seconds(10);
            while (child.acknowledged().empty() && Clock::now() < deadline)
                if (!child.read_some(50)) break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(random() % window_us));
        bool was_running = child.kill_and_reap();
        ++totals.runs;
        if (!was_running) {
            std::fprintf(stderr, "run %d: the writer ended by itself\n", run);
            ++totals.writer_failed;
        }
        if (child.acknowledged().empty()) ++totals.killed_before_first_edit;
        totals.acknowledged += long(child.acknowledged().size());
        acknowledged.insert(child.acknowledged().begin(), child.acknowledged().end());
        OpenMode mode = run % 2 == 0 ? OpenMode::ReadOnly : OpenMode::ReadWrite;
        Verdict verdict = verify(file, mode, acknowledged);
        if (verdict.corrupt || !verdict.lost.empty() || verdict.damaged) {
            std::fprintf(stderr, "run %d (seed %llu): see above\n", run, static_cast<unsigned long long>(options.seed));
            auto kept = options.dir / fmt::format("failed-run-{}.kartla", run);
            std::error_code ec;
            fs::copy_file(file, kept, fs::copy_options::overwrite_existing, ec);
        }
        totals.corrupt += verdict.corrupt;
        for (auto seq : verdict.lost) totals.lost += reported_lost.insert(seq).second;
        totals.damaged += verdict.damaged;
    }
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    bool failed = totals.corrupt || totals.lost || totals.damaged || totals.writer_failed;
    if (options.expect_loss) {
        std::printf("expected losses %s\n", totals.lost > 0 ? "seen: the harness detects them" : "NOT seen");
        failed = totals.lost == 0 || totals.corrupt || totals.damaged || totals.writer_failed;
    }
    if (own_dir && !failed) {
        std::error_code ec;
        fs::remove_all(options.dir, ec);
    }
    std::printf("runs: %d\ncorrupt files: %d\nlost acknowledged edits: %d\ndamaged rows: %d\n"
                "writer failures: %d\nacknowledged edits checked: %ld\nkills before the first edit: %d\n"
                "time: %.1f s\n",
                totals.runs, totals.corrupt, totals.lost, totals.damaged, totals.writer_failed, totals.acknowledged,
                totals.killed_before_first_edit, seconds);
    return failed ? 1 : 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "crash_harness: %s\n", e.what());
    return 2;
}
