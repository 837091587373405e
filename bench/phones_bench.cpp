// kartla_phones_bench: 60 simulated phones in the room, over loopback, against
// the real room server and the real problem map, while the main thread draws
// the board headless as the window would. Each phone adds cards and moves dots
// at the rate a person can, and polls the state. Prints requests per second,
// request -> durable latency (the answer comes after the commit, synchronous=FULL),
// requests lost, the frame time idle and under the load, and the server's memory
// per phone. The phones run in a child process, so the server's figures are its
// own. With SLOW > 0, that many devices (127.0.0.2 and on) trickle a request a
// header line a second the whole time, reconnecting when the server cuts them.
// Not a test: it asserts nothing. See scripts/bench.sh.
#include "host/runtime.hpp"
#include "phones/phone_server.hpp"
#include "bench_support.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace kartla;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

using bench::cpu_ms;
using bench::frame;
using bench::percentile;

long rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> value;
            return value;
        }
        std::getline(status, key);
    }
    return 0;
}

struct PhoneFigures {
    std::vector<double> latency_ms;  // POST -> answer (after the commit)
    std::vector<double> poll_ms;     // GET /state -> answer (from the published state, off the main thread)
    long requests = 0, lost = 0, limited = 0, cards = 0;  // cards: answered 201, a new card
};

// One phone, at a person's pace and inside the rate limit (1 edit a second): a
// card every 3 s and a dot moved every 3 s, the state polled every 1.5 s as the page does.
void phone(int port, const std::string& token, int index, double seconds, PhoneFigures& out) {
    std::mt19937 rng(std::uint32_t(index) * 7919u);
    const std::string id = fmt::format("{:032x}", 0x1000u + unsigned(index));
    httplib::Headers headers{{"X-Kartla", "1"}, {"X-Kartla-Phone", id}};
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    const std::string base = "/" + token;
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    std::vector<long> cards;
    int sent = 0;
    auto next_card = Clock::now() + std::chrono::milliseconds(rng() % 3000);
    bool vote_now = false;
    auto next_poll = Clock::now() + std::chrono::milliseconds(rng() % 1500);
    while (Clock::now() < end) {
        const auto now = Clock::now();
        if (now >= next_card) {
            nlohmann::json card = {{"title", fmt::format("Telefon {} kort {}: klotter vid Östra torget", index, ++sent)}};
            const auto start = Clock::now();
            auto answer = client.Post(base + "/cards", headers, card.dump(), "application/json");
            out.latency_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            ++out.requests;
            if (!answer || answer->status >= 500) ++out.lost;
            else if (answer->status == 429) ++out.limited;
            else if (answer->status == 201) ++out.cards;
            next_card = now + std::chrono::milliseconds(3000);
        } else if (now >= next_poll) {
            const auto asked = Clock::now();
            auto answer = client.Get(base + "/state", headers);
            out.poll_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - asked).count());
            ++out.requests;
            if (!answer || answer->status >= 500) {
                ++out.lost;
            } else if (answer->status == 200) {
                auto state = nlohmann::json::parse(answer->body, nullptr, false);
                vote_now = !vote_now;  // every other poll: one dot moved every 3 s
                if (vote_now && state.is_object() && state.contains("cards") && !state["cards"].empty()) {
                    const auto& list = state["cards"];
                    const auto& chosen = list[rng() % list.size()];
                    nlohmann::json vote = {{"card_id", chosen["id"]}, {"dots", int(rng() % 2)}};
                    const auto start = Clock::now();
                    auto voted = client.Post(base + "/votes", headers, vote.dump(), "application/json");
                    out.latency_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                    ++out.requests;
                    if (!voted || voted->status >= 500) ++out.lost;
                    else if (voted->status == 429) ++out.limited;
                }
            }
            next_poll = now + std::chrono::milliseconds(1500);
        } else {
            std::this_thread::sleep_until(std::min(next_card, next_poll));
        }
    }
}

// The child: every phone on its own thread; the figures go back through a pipe as JSON.
int run_phones(int read_fd, int write_fd, int phones, double seconds) {
    char line[256] = {};
    if (read(read_fd, line, sizeof line - 1) <= 0) return 1;
    int port = 0;
    char token[64] = {};
    if (std::sscanf(line, "%d %63s", &port, token) != 2) return 1;
    std::vector<PhoneFigures> figures(static_cast<std::size_t>(phones));
    std::vector<std::thread> threads;
    for (int i = 0; i < phones; ++i)
        threads.emplace_back(phone, port, std::string(token), i, seconds, std::ref(figures[std::size_t(i)]));
    for (auto& t : threads) t.join();
    nlohmann::json all = {{"latency", nlohmann::json::array()}, {"polls", nlohmann::json::array()},
                          {"requests", 0}, {"lost", 0}, {"limited", 0}, {"cards", 0}};
    for (auto& f : figures) {
        for (double l : f.latency_ms) all["latency"].push_back(l);
        for (double l : f.poll_ms) all["polls"].push_back(l);
        all["requests"] = all["requests"].get<long>() + f.requests;
        all["lost"] = all["lost"].get<long>() + f.lost;
        all["limited"] = all["limited"].get<long>() + f.limited;
        all["cards"] = all["cards"].get<long>() + f.cards;
    }
    const std::string text = all.dump() + "\n";
    for (std::size_t done = 0; done < text.size();) {
        ssize_t n = write(write_fd, text.data() + done, text.size() - done);
        if (n <= 0) return 1;
        done += std::size_t(n);
    }
    return 0;
}

// Frames at 60 a second for `seconds`, pumping the phones' requests before each as the shell does.
struct FrameFigures {
    std::vector<double> cpu;      // the whole frame: the phones' edits, then the board
    std::vector<double> edits;    // of which answering the phones' edits (pump)
};
FrameFigures frames(phones::PhoneServer& server, const ViewSpec& view, double seconds) {
    FrameFigures out;
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    auto next = Clock::now();
    while (Clock::now() < end) {
        const double start = cpu_ms();
        server.pump();  // as Shell::frame does: the phones' edits are part of the frame
        out.edits.push_back(cpu_ms() - start);
        frame(view);
        out.cpu.push_back(cpu_ms() - start);
        next += std::chrono::microseconds(16667);
        std::this_thread::sleep_until(next);
    }
    return out;
}

// Devices that trickle: each holds a connection and sends one header line a second; a
// connection the server cuts (its whole-request deadline) is opened again at once.
class SlowDevices {
public:
    SlowDevices(int port, int count) {
        if (count <= 0) return;
        thread_ = std::thread([this, port, count] { run(port, count); });
    }
    ~SlowDevices() {
        running_ = false;
        if (thread_.joinable()) thread_.join();
    }
    long reconnects() const { return reconnects_; }

private:
    static int open(int port, int index) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(0x7f000002u + std::uint32_t(index));
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(std::uint16_t(port));
        server.sin_addr.s_addr = htonl(0x7f000001u);
        if (bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
            connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
            close(fd);
            return -1;
        }
        const std::string line = "POST /slow/cards HTTP/1.1\r\n";
        send(fd, line.data(), line.size(), MSG_NOSIGNAL);
        return fd;
    }
    void run(int port, int count) {
        std::vector<int> fds(std::size_t(count), -1);
        for (int second = 0; running_; ++second) {
            for (int i = 0; i < count; ++i) {
                auto& fd = fds[std::size_t(i)];
                const std::string line = fmt::format("X-Slow-{}: a\r\n", second);
                if (fd >= 0 && send(fd, line.data(), line.size(), MSG_NOSIGNAL | MSG_DONTWAIT) <= 0) {
                    close(fd);
                    fd = -1;
                    ++reconnects_;
                }
                if (fd < 0) fd = open(port, i);
            }
            for (int i = 0; i < 10 && running_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        for (int fd : fds)
            if (fd >= 0) close(fd);
    }
    std::thread thread_;
    std::atomic<bool> running_{true};
    std::atomic<long> reconnects_{0};
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: kartla_phones_bench PLUGIN_DIR FILE.kartla [PHONES=60] [SECONDS=20] [SLOW=0]\n");
        return 2;
    }
    const fs::path plugins = fs::absolute(argv[1]), file = argv[2];  // plugins load from absolute paths only
    const int phones = argc > 3 ? std::max(1, std::atoi(argv[3])) : 60;
    const double seconds = argc > 4 ? std::max(2.0, std::atof(argv[4])) : 20.0;
    const int slow = argc > 5 ? std::clamp(std::atoi(argv[5]), 0, 250) : 0;

    // Fork before any thread exists: the phones' process shares nothing with the server's.
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) return 1;
    pid_t child = fork();
    if (child == 0) {
        close(to_child[1]);
        close(from_child[0]);
        _exit(run_phones(to_child[0], from_child[1], phones, seconds));
    }
    // Each side keeps only its own ends, so a read ends when the other side is done.
    close(to_child[0]);
    close(from_child[1]);

    bench::start_headless_imgui();

    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({plugins});
    for (const auto& plugin : runtime.plugins())
        if (plugin->status != PluginStatus::Loaded)
            std::fprintf(stderr, "kartla_phones_bench: %s: %s\n", plugin->id.c_str(), plugin->message.c_str());
    auto opened = Workshop::open(file, OpenMode::ReadWrite, true, runtime.plugins().known_schema());
    if (auto* e = std::get_if<OpenError>(&opened)) return std::fprintf(stderr, "%s\n", e->message.c_str()), 1;
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    auto voting = runtime.workshop()->edit("Open voting for phones", [](Database& db) {
        db.exec("INSERT INTO problem_map_setting(key, value) VALUES ('phone_voting', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = '1'; UPDATE problem_map_card SET hidden = 0");
    });
    if (!voting) return std::fprintf(stderr, "%s\n", voting.message.c_str()), 1;
    const ViewSpec* board = nullptr;
    for (const auto& view : runtime.registry().views())
        if (view.spec.key == "problem_map.board") board = &view.spec;
    if (!board) return std::fprintf(stderr, "no problem_map.board in %s\n", plugins.c_str()), 1;

    phones::PhoneServer server(runtime);
    phones::ServerOptions options;
    options.bind = "127.0.0.1";
    options.page_dir = fs::path(KARTLA_BENCH_ASSET_DIR) / "phones";
    // Every simulated phone comes from 127.0.0.1: the per-address limits would take them for one device.
    options.per_address_connections = 0;
    options.limits.new_phones_per_address = 1e9;
    std::string problem;
    if (!server.start(options, &problem)) return std::fprintf(stderr, "%s\n", problem.c_str()), 1;

    auto phones_cards = [&runtime] {
        return runtime.workshop()->db().scalar_int("SELECT count(*) FROM problem_map_card WHERE title LIKE 'Telefon %'");
    };
    const std::int64_t cards_before = phones_cards();
    for (int i = 0; i < 10; ++i) frame(*board);
    const long rss_idle = rss_kb();
    const auto idle = frames(server, *board, 3.0);
    const std::string hello = fmt::format("{} {}\n", server.port(), server.token());
    if (write(to_child[1], hello.data(), hello.size()) != ssize_t(hello.size())) return 1;
    close(to_child[1]);
    const auto before = server.counts();
    auto trickling = std::make_unique<SlowDevices>(server.port(), slow);
    const auto load_start = Clock::now();
    auto loaded = frames(server, *board, seconds);
    const long rss_loaded = rss_kb();
    const std::size_t connected = server.phones_connected();
    // The phones' last requests are answered while their figures come back.
    std::string reply;
    char buffer[65536];
    fcntl(from_child[0], F_SETFL, O_NONBLOCK);
    for (;;) {
        server.pump();
        ssize_t n = read(from_child[0], buffer, sizeof buffer);
        if (n > 0) reply.append(buffer, std::size_t(n));
        else if (n == 0) break;
        else std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    int status = 0;
    waitpid(child, &status, 0);
    const double took = std::chrono::duration<double>(Clock::now() - load_start).count();
    const auto after = server.counts();
    const long slow_reconnects = trickling->reconnects();
    trickling.reset();
    const auto stop_start = Clock::now();
    server.close_joining();
    server.stop();
    const double stop_ms = std::chrono::duration<double, std::milli>(Clock::now() - stop_start).count();

    auto phones_json = nlohmann::json::parse(reply, nullptr, false);
    if (!phones_json.is_object()) return std::fprintf(stderr, "the phones reported nothing\n"), 1;
    // Every card a phone was told is made is in the file once: fewer is lost, more is duplicated.
    const long acknowledged = phones_json["cards"].get<long>();
    const long in_file = long(phones_cards() - cards_before);
    std::vector<double> latency = phones_json["latency"].get<std::vector<double>>();
    std::vector<double> polls = phones_json["polls"].get<std::vector<double>>();
    const long requests = phones_json["requests"].get<long>();
    std::printf("%d phones for %.0f s over loopback, the board of %s drawn at 60 frames a second\n", phones, seconds,
                file.filename().c_str());
    std::printf("  requests                   %8ld (%.0f a second), %ld answered by the problem map\n", requests,
                double(requests) / took, long(after.answered - before.answered));
    std::printf("  lost (no answer or 5xx)    %8ld; limited (429) %ld\n", phones_json["lost"].get<long>(),
                phones_json["limited"].get<long>());
    std::printf("  cards                      %8ld acknowledged, %ld in the file: %ld lost, %ld duplicated\n", acknowledged,
                in_file, std::max(0L, acknowledged - in_file), std::max(0L, in_file - acknowledged));
    std::printf("  request -> durable         p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (cards and dots)\n",
                percentile(latency, 50), percentile(latency, 95), percentile(latency, 99), percentile(latency, 100));
    std::printf("  state poll                 p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%ld answered off the main thread, "
                "%ld publications)\n",
                percentile(polls, 50), percentile(polls, 95), percentile(polls, 99), long(after.read - before.read),
                long(after.published - before.published));
    if (slow > 0)
        std::printf("  trickling devices          %8d held the whole time (%ld cut at the deadline and reopened)\n", slow,
                    slow_reconnects);
    std::printf("  close joining and stop     %.1f ms\n", stop_ms);
    std::printf("  frame CPU, idle            p50 %.3f ms, p95 %.3f ms\n", percentile(idle.cpu, 50), percentile(idle.cpu, 95));
    std::printf("  frame CPU, %3d phones      p50 %.3f ms, p95 %.3f ms (their edits included)\n", phones,
                percentile(loaded.cpu, 50), percentile(loaded.cpu, 95));
    std::printf("    of which their edits     p50 %.3f ms, p95 %.3f ms (the rest: the board, reloaded per revision)\n",
                percentile(loaded.edits, 50), percentile(loaded.edits, 95));
    std::printf("  server memory              %+ld KB with %zu phones connected (%.1f KB a phone)\n",
                rss_loaded - rss_idle, connected, connected ? double(rss_loaded - rss_idle) / double(connected) : 0.0);
    runtime.set_workshop(nullptr);
    ImGui::DestroyContext();
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
