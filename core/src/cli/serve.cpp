#include "cli/serve.hpp"

#include "host/paths.hpp"
#include "phones/phone_room.hpp"

#include <fmt/format.h>

#include <csignal>
#include <ostream>

namespace kartla::cli {

namespace {

volatile std::sig_atomic_t stop_requested = 0;

void request_stop(int) { stop_requested = 1; }

// SIGINT and SIGTERM end the loop below instead of the process, so the last
// accepted request is answered and in the file before kartla exits.
void catch_stop_signals() {
    stop_requested = 0;
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

int serve(Runtime& runtime, const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const char* usage = "usage: kartla serve FILE [--bind ADDR] [--port N]";
    std::string file;
    phones::ServerOptions options;
    options.page_dir = paths::asset_dir() / "phones";
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        bool has_value = i + 1 < args.size();
        if (a == "--bind" && has_value) {
            options.bind = args[++i];
        } else if (a == "--port" && has_value) {
            try {
                options.port = std::stoi(args[++i]);
            } catch (const std::exception&) {
                options.port = -1;
            }
            if (options.port < 0 || options.port > 65535) return err << "kartla: --port needs 0-65535\n", 2;
        } else if (file.empty() && !a.starts_with("-")) {
            file = a;
        } else {
            return err << fmt::format("kartla: serve: unexpected argument '{}'\n{}\n", a, usage), 2;
        }
    }
    if (file.empty()) return err << "kartla: " << usage << '\n', 2;
    // Like the window: read-write, and held, so no second kartla writes into it meanwhile.
    auto opened = Workshop::open(file, OpenMode::ReadWrite, true, runtime.plugins().known_schema());
    if (auto* e = std::get_if<OpenError>(&opened)) return err << "kartla: " << e->message << '\n', 1;
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));

    phones::PhoneRoom room(runtime);
    std::string problem;
    if (!room.open(options, &problem)) return err << "kartla: " << problem << '\n', 1;
    const phones::PhoneServer& server = room.server();
    catch_stop_signals();
    out << "join: " << server.url() << std::endl;
    err << fmt::format("kartla: phones can also open http://{} and type the code {}. Plain HTTP: anyone on this "
                       "network can read what is sent. Ctrl+C stops.\n",
                       server.short_address(), server.code());
    room.serve_until(stop_requested);
    err << fmt::format("kartla: stopped; {} requests answered\n", server.counts().answered);
    return 0;
}

}  // namespace kartla::cli
