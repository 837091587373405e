#include "phones/phone_server.hpp"

#include "host/runtime.hpp"
#include "phones/connection_deadlines.hpp"
#include "phones/join_address.hpp"

#include <fmt/format.h>
#include <microhttpd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kartla::phones {

namespace {

constexpr auto kConnectedWindow = std::chrono::seconds(10);
// stop() lets answers already given reach their phones for at most this long.
constexpr auto kFlushWindow = std::chrono::milliseconds(120);

// Text from a hostile file may be invalid UTF-8: replaced, never thrown.
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_body(std::string_view message) { return dump({{"error", message}}); }

bool read_file(const std::filesystem::path& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
    return true;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string header(MHD_Connection* connection, const char* name) {
    const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
    return value ? value : "";
}

std::string client_address(MHD_Connection* connection) {
    const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return {};
    char text[INET6_ADDRSTRLEN] = {};
    const sockaddr* address = info->client_addr;
    if (address->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
    else if (address->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text, sizeof text);
    return text;
}

RequestHead head_of(MHD_Connection* connection, const char* url, const char* method) {
    RequestHead head;
    head.method = method;
    head.path = url;
    head.address = client_address(connection);
    head.host = header(connection, "Host");
    head.origin = header(connection, "Origin");
    head.content_type = header(connection, "Content-Type");
    head.kartla_header = header(connection, "X-Kartla");
    head.phone_id = header(connection, "X-Kartla-Phone");
    const std::string length = header(connection, "Content-Length");
    head.content_length = length.empty() ? 0 : std::size_t(std::strtoull(length.c_str(), nullptr, 10));
    if (!length.empty() && (length.size() > 12 || length.find_first_not_of("0123456789") != std::string::npos))
        head.content_length = SIZE_MAX;
    // Any coding at all, in any case ("Chunked", "identity"): the page never sends one.
    head.chunked = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Transfer-Encoding") != nullptr;
    head.language = header(connection, "Accept-Language").rfind("sv", 0) == 0 ? "sv" : "en";
    return head;
}

std::vector<std::string> allowed_hosts(const std::string& bind, int port) {
    std::vector<std::string> hosts{short_address(bind, port)};
    if (bind == "127.0.0.1" || bind == "::1") hosts.push_back(fmt::format("localhost:{}", port));
    if (port == 80) hosts.push_back(bind);
    return hosts;
}

constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

// Every answer: no caching (state changes), no sniffing, no referrer (the token is in the address),
// and one request per connection, so an idle phone holds nothing.
MHD_Result send(MHD_Connection* connection, int status, const std::string& body, const char* type,
                double retry_after = 0, bool page = false) {
    MHD_Response* response = MHD_create_response_from_buffer(body.size(), const_cast<char*>(body.data()),
                                                             MHD_RESPMEM_MUST_COPY);
    if (!response) return MHD_NO;
    MHD_add_response_header(response, "Content-Type", type);
    MHD_add_response_header(response, "Cache-Control", "no-store");
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(response, "Connection", "close");
    if (page) MHD_add_response_header(response, "Content-Security-Policy", kPagePolicy);
    if (retry_after > 0) MHD_add_response_header(response, "Retry-After", std::to_string(int(retry_after) + 1).c_str());
    const MHD_Result queued = MHD_queue_response(connection, unsigned(status), response);
    MHD_destroy_response(response);
    return queued;
}

MHD_Result send_json(MHD_Connection* connection, int status, const std::string& body, double retry_after = 0) {
    return send(connection, status, body, "application/json; charset=utf-8", retry_after);
}

// What a publication was read from: the workshop's revision (every edit made here) and
// SQLite's data_version, which moves when another program wrote the file (a facilitator's
// script, or the end-to-end test opening voting beside `kartla serve`). One number, so a
// change of either publishes again.
std::uint64_t state_version(Workshop& workshop) {
    const auto written_elsewhere = std::uint64_t(workshop.db().scalar_int("PRAGMA data_version"));
    return (workshop.revision() << 24) ^ written_elsewhere;
}

// libmicrohttpd's C callbacks, each handing over to the server.
MHD_Result on_request_cb(void* server, MHD_Connection* connection, const char* url, const char* method,
                         const char*, const char* upload, std::size_t* upload_size, void** context) {
    return MHD_Result(static_cast<PhoneServer*>(server)->on_request(connection, url, method, upload, upload_size, context));
}

void on_completed_cb(void* server, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
    static_cast<PhoneServer*>(server)->on_completed(context);
}

void on_connection_cb(void* server, MHD_Connection* connection, void** context, MHD_ConnectionNotificationCode code) {
    static_cast<PhoneServer*>(server)->on_connection(connection, context, code == MHD_CONNECTION_NOTIFY_STARTED);
}

}  // namespace

// One request: read on the server's thread, perhaps answered by the main thread.
struct PhoneServer::Exchange {
    RequestHead head;
    Verdict verdict;
    std::string body;
    nlohmann::json json = nlohmann::json::object();  // a GET's stays {}
    MHD_Connection* connection = nullptr;
    ConnectionDeadlines::Handle deadline;
    bool has_deadline = false;
    Clock::time_point queued_at{};
    bool suspended = false;
    bool answered = false;  // set before the connection is resumed
    int status = 0;
    std::string reply;
};

// The connection's own record (its deadline), kept by libmicrohttpd beside the socket.
struct PhoneServer::Connection {
    ConnectionDeadlines::Handle deadline;
};

PhoneServer::PhoneServer(Runtime& runtime) : runtime_(runtime) {}

PhoneServer::~PhoneServer() { stop(); }

bool PhoneServer::start(const ServerOptions& options, std::string* error) {
    stop();
    options_ = options;
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    std::string page;
    if (!read_file(options.page_dir / "index.html", page) || !read_file(options.page_dir / "phone.js", script_) ||
        !read_file(options.page_dir / "phone.css", style_))
        return fail(fmt::format("the phone page is missing from {}", options.page_dir.string()));
    token_ = options.token.empty() ? random_token() : options.token;
    code_ = options.code.empty() ? random_code() : options.code;
    bind_ = options.bind.empty() ? default_bind_address() : options.bind;
    page_html_ = replace_all(page, "{{BASE}}", "/" + token_);
    code_page_html_ = replace_all(page, "{{BASE}}", "");
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = false;
    }
    deadlines_ = std::make_unique<ConnectionDeadlines>(options.request_deadline);
    published_workshop_ = nullptr;
    publish_reads();  // before the first phone can ask
    if (!bind_and_listen(error)) {
        deadlines_.reset();
        std::lock_guard lock(reads_mutex_);
        reads_.reset();
        return false;
    }
    gate_ = std::make_unique<RequestGate>(token_, code_, allowed_hosts(bind_, port_), options.limits);
    deadlines_->start();
    running_ = true;
    timeouts_ = std::thread([this] { watch_answer_timeouts(); });
    return true;
}

// libmicrohttpd listens on the address asked for: a port of 0 takes a free one.
bool PhoneServer::bind_and_listen(std::string* error) {
    sockaddr_storage address{};
    const bool v6 = bind_.find(':') != std::string::npos;
    if (v6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&address);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(std::uint16_t(options_.port));
        if (inet_pton(AF_INET6, bind_.c_str(), &a->sin6_addr) != 1) return error && (*error = "not an address: " + bind_, false);
    } else {
        auto* a = reinterpret_cast<sockaddr_in*>(&address);
        a->sin_family = AF_INET;
        a->sin_port = htons(std::uint16_t(options_.port));
        if (inet_pton(AF_INET, bind_.c_str(), &a->sin_addr) != 1) return error && (*error = "not an address: " + bind_, false);
    }
    // ITC wakes the loop for a resumed connection and for stop; suspend/resume keeps a waiting request off every thread.
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME | (v6 ? MHD_USE_IPv6 : 0);
    daemon_ = MHD_start_daemon(
        flags, 0, nullptr, nullptr, &on_request_cb, this,
        MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address),
        MHD_OPTION_THREAD_POOL_SIZE, std::max(1u, options_.threads),
        MHD_OPTION_CONNECTION_LIMIT, options_.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, options_.per_address_connections,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, options_.connection_memory,
        MHD_OPTION_CONNECTION_TIMEOUT, unsigned(options_.io_timeout.count()),
        MHD_OPTION_LISTEN_BACKLOG_SIZE, options_.listen_backlog,
        MHD_OPTION_STRICT_FOR_CLIENT, 1,
        MHD_OPTION_NOTIFY_COMPLETED, &on_completed_cb, this,
        MHD_OPTION_NOTIFY_CONNECTION, &on_connection_cb, this,
        MHD_OPTION_END);
    if (!daemon_) {
        if (error) *error = fmt::format("cannot listen on {} port {}", bind_, options_.port);
        return false;
    }
    const auto* info = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
    port_ = info ? int(info->port) : options_.port;
    return true;
}

void PhoneServer::on_connection(MHD_Connection* connection, void** context, bool started) {
    if (started) {
        const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        *context = new Connection{deadlines_->add(info ? info->connect_fd : -1)};
        return;
    }
    // Before libmicrohttpd closes the socket: the deadline watch never touches a reused descriptor.
    auto* record = static_cast<Connection*>(*context);
    if (!record) return;
    deadlines_->remove(record->deadline);
    delete record;
    *context = nullptr;
}

int PhoneServer::on_request(MHD_Connection* connection, const char* url, const char* method, const char* upload,
                            std::size_t* upload_size, void** context) {
    if (!*context) return on_head(connection, url, method, context);
    auto& exchange = **static_cast<std::shared_ptr<Exchange>*>(*context);
    if (exchange.answered) return send_json(connection, exchange.status, exchange.reply);
    if (*upload_size > 0) {
        // The declared length was checked before any byte of the body was read; this holds it whatever comes.
        if (exchange.body.size() + *upload_size <= options_.limits.max_body_bytes) exchange.body.append(upload, *upload_size);
        else exchange.verdict = Verdict{413, "The text is too long."};
        *upload_size = 0;
        return MHD_YES;
    }
    if (exchange.suspended) return MHD_YES;  // woken before its answer: wait on
    return on_body_done(connection, *static_cast<std::shared_ptr<Exchange>*>(*context));
}

// The headers are in, no byte of a body is read yet: the gate decides.
int PhoneServer::on_head(MHD_Connection* connection, const char* url, const char* method, void** context) {
    if (std::size_t(MHD_get_connection_values(connection, MHD_HEADER_KIND, nullptr, nullptr)) > options_.max_headers) {
        ++refused_;
        return send_json(connection, 431, error_body("Too many headers."));
    }
    const RequestHead head = head_of(connection, url, method);
    const Verdict verdict = gate_ ? gate_->check(head, Clock::now()) : Verdict{503, "Not ready."};
    if (verdict.status) {
        ++refused_;
        return send_json(connection, verdict.status, error_body(verdict.error), verdict.retry_after);
    }
    switch (verdict.target) {
    case Target::CodePage:
    case Target::Page:
        return send(connection, 200, verdict.target == Target::Page ? page_html_ : code_page_html_,
                    "text/html; charset=utf-8", 0, true);
    case Target::Asset:
        return verdict.name == "phone.js" ? send(connection, 200, script_, "text/javascript; charset=utf-8")
                                          : send(connection, 200, style_, "text/css; charset=utf-8");
    default:
        break;
    }
    if (head.method == "GET") {
        int result = MHD_NO;
        if (answer_read(connection, head, verdict, &result)) return result;
    }
    auto exchange = std::make_shared<Exchange>();
    exchange->head = head;
    exchange->verdict = verdict;
    exchange->connection = connection;
    *context = new std::shared_ptr<Exchange>(exchange);
    if (head.method == "GET") return queue_for_main_thread(connection, exchange);
    return MHD_YES;  // the body is read next (at most the declared length, checked above)
}

int PhoneServer::on_body_done(MHD_Connection* connection, const std::shared_ptr<Exchange>& exchange) {
    if (exchange->verdict.status) {
        ++refused_;
        return send_json(connection, exchange->verdict.status, error_body(exchange->verdict.error));
    }
    auto body = parse_body(exchange->body, options_.limits.max_json_depth);
    if (!body) {
        ++refused_;
        return send_json(connection, 400, error_body("The request is not valid JSON."));
    }
    if (exchange->verdict.target == Target::JoinByCode) {
        const auto code = body->find("code");
        if (code == body->end() || !code->is_string() || !gate_->code_matches(code->get<std::string>()))
            return send_json(connection, 403, error_body("That code is not right."));
        return send_json(connection, 200, dump({{"url", "/" + token_}}));
    }
    exchange->json = std::move(*body);
    return queue_for_main_thread(connection, exchange);
}

// The connection is suspended (it holds no thread and no deadline) until the main thread answers.
int PhoneServer::queue_for_main_thread(MHD_Connection* connection, const std::shared_ptr<Exchange>& exchange) {
    std::unique_lock lock(queue_mutex_);
    if (stopping_) {
        lock.unlock();
        return send_json(connection, 503, error_body("Joining is closed."));
    }
    // Suspended before anyone can see it, so the main thread's resume always comes after.
    MHD_suspend_connection(connection);
    exchange->suspended = true;
    ++suspended_;
    if (const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT); info && info->socket_context) {
        exchange->deadline = static_cast<Connection*>(info->socket_context)->deadline;
        exchange->has_deadline = true;
        deadlines_->set_waiting(exchange->deadline, true);
    }
    exchange->queued_at = Clock::now();
    queue_.push_back(exchange);
    lock.unlock();
    queue_changed_.notify_all();
    if (wake) wake();
    return MHD_YES;
}

// Any thread, once per exchange (whoever took it out of the queue): sets the answer and lets the loop send it.
void PhoneServer::answer(const std::shared_ptr<Exchange>& exchange, int status, std::string reply) {
    exchange->status = status;
    exchange->reply = std::move(reply);
    exchange->answered = true;
    if (exchange->has_deadline) deadlines_->set_waiting(exchange->deadline, false);
    MHD_resume_connection(exchange->connection);
}

void PhoneServer::on_completed(void** context) {
    auto* exchange = static_cast<std::shared_ptr<Exchange>*>(*context);
    if (!exchange) return;
    if ((*exchange)->suspended) --suspended_;
    delete exchange;
    *context = nullptr;
}

// A request the main thread has not taken within answer_timeout is answered "busy" and
// never reaches a plugin: a phone told to try again must not find its card made anyway.
void PhoneServer::watch_answer_timeouts() {
    std::unique_lock lock(queue_mutex_);
    while (!stopping_) {
        const auto now = Clock::now();
        std::vector<std::shared_ptr<Exchange>> late;
        while (!queue_.empty() && now - queue_.front()->queued_at > options_.answer_timeout) {
            late.push_back(queue_.front());
            queue_.pop_front();
        }
        for (auto& exchange : late) answer(exchange, 503, error_body("The meeting is busy: try again."));
        queue_changed_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stopping_; });
    }
}

// The server's thread: a read answered from what its route last published, never waiting for the main thread.
bool PhoneServer::answer_read(MHD_Connection* connection, const RequestHead& head, const Verdict& verdict, int* result) {
    std::shared_ptr<const ReadRoutes> reads;
    {
        std::lock_guard lock(reads_mutex_);
        reads = reads_;
    }
    if (!reads) return false;
    const ReadRoute* found = nullptr;
    for (const auto& route : *reads)
        if (route.path == verdict.name) found = &route;
    if (!found) return false;
    const nlohmann::json empty = nlohmann::json::object();
    const PhoneRequest request{head.phone_id, head.language, empty};
    std::string body;
    int status = 500;
    try {
        if (found->answer_text) {
            status = found->answer_text(request, body);  // encoded by the route, its shared part once
        } else {
            nlohmann::json reply = nlohmann::json::object();
            status = found->answer(request, reply);
            body = dump(reply);
        }
    } catch (...) {
        // Not runtime_.guarded: that turns a plugin off, which only the main thread may do.
        status = 500;
        body = error_body("Something went wrong.");
    }
    ++answered_;
    ++read_;
    *result = send_json(connection, status, body);
    return true;
}

// Main thread: each GET route called with no phone, to read the workshop as it is now, when
// its revision moved (or the routes changed); then its phones are answered from that. Done
// before an edit's answer leaves, so a phone that polls after its edit sees the edit.
void PhoneServer::publish_reads() {
    Workshop* workshop = runtime_.workshop();
    const std::uint64_t revision = workshop ? state_version(*workshop) : 0;
    const auto& routes = runtime_.registry().phone_routes();
    if (reads_ && workshop == published_workshop_ && revision == published_revision_ &&
        routes.size() == published_routes_)
        return;
    auto reads = std::make_shared<ReadRoutes>();
    const nlohmann::json empty = nlohmann::json::object();
    for (const auto& entry : routes) {
        if (entry.spec.method != "GET") continue;
        auto handle = entry.spec.handle;  // a copy: a failing plugin is turned off, dropping its registration
        nlohmann::json ignored = nlohmann::json::object();
        if (runtime_.guarded(entry.plugin_id, "answering a phone", [&] { handle(PhoneRequest{"", "", empty}, ignored); }))
            reads->push_back({entry.spec.path, std::move(handle), entry.spec.answer_text});
    }
    published_workshop_ = workshop;
    published_revision_ = revision;
    published_routes_ = runtime_.registry().phone_routes().size();
    ++published_;
    std::lock_guard lock(reads_mutex_);
    reads_ = std::move(reads);
}

std::size_t PhoneServer::pump() {
    std::deque<std::shared_ptr<Exchange>> batch;
    {
        std::lock_guard lock(queue_mutex_);
        batch.swap(queue_);
    }
    std::vector<std::pair<int, std::string>> answers;
    answers.reserve(batch.size());
    for (auto& exchange : batch) {
        int status = 404;
        nlohmann::json reply = nlohmann::json::object();
        const PhoneRouteSpec* found = nullptr;
        std::string plugin_id;
        const std::string& route = exchange->verdict.name;
        for (const auto& entry : runtime_.registry().phone_routes())
            if (entry.spec.method == exchange->head.method && entry.spec.path == route) {
                found = &entry.spec;
                plugin_id = entry.plugin_id;
            }
        if (found) {
            // A copy: a route that throws turns its plugin off, which drops the registration.
            auto handle = found->handle;
            PhoneRequest request{exchange->head.phone_id, exchange->head.language, exchange->json};
            if (!runtime_.guarded(plugin_id, "answering a phone", [&] { status = handle(request, reply); })) {
                status = 500;
                reply = {{"error", "Something went wrong."}};
            }
            ++answered_;
        } else {
            reply = {{"error", "Not found."}};
        }
        answers.emplace_back(status, dump(reply));
    }
    // Published before any answer leaves: a phone that polls after its edit's answer sees the edit.
    if (daemon_) publish_reads();
    for (std::size_t i = 0; i < batch.size(); ++i) answer(batch[i], answers[i].first, std::move(answers[i].second));
    return batch.size();
}

std::size_t PhoneServer::waiting() const {
    std::lock_guard lock(queue_mutex_);
    return queue_.size();
}

void PhoneServer::wait_for_requests(std::chrono::milliseconds timeout) {
    std::unique_lock lock(queue_mutex_);
    queue_changed_.wait_for(lock, timeout, [this] { return !queue_.empty(); });
}

void PhoneServer::close_joining() {
    if (gate_) gate_->close();
}

void PhoneServer::stop() {
    if (!daemon_) return;
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    queue_changed_.notify_all();
    if (timeouts_.joinable()) timeouts_.join();
    // No new connection; what was accepted is answered (and in the file) before the loop goes.
    listen_fd_ = MHD_quiesce_daemon(daemon_);
    pump();
    // Resumed connections send their answer (a few hundred bytes) and complete; a client that
    // never reads is not waited for: libmicrohttpd must see no suspended connection when it stops.
    const auto flush_until = Clock::now() + kFlushWindow;
    while (suspended_ > 0 && Clock::now() < flush_until) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    MHD_stop_daemon(daemon_);
    daemon_ = nullptr;
    if (listen_fd_ >= 0) close(listen_fd_);
    listen_fd_ = -1;
    deadlines_->stop();
    deadlines_.reset();
    gate_.reset();
    {
        // The answers hold plugin code and data: gone before a plugin or the workshop can go.
        std::lock_guard lock(reads_mutex_);
        reads_.reset();
    }
    published_workshop_ = nullptr;
    running_ = false;
}

std::string PhoneServer::url() const { return join_url(bind_, port_, token_); }

std::string PhoneServer::qr_text() const {
    std::string text = url();
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return text;
}

std::string PhoneServer::short_address() const { return phones::short_address(bind_, port_); }

std::size_t PhoneServer::phones_connected() const {
    return gate_ ? gate_->phones_seen(Clock::now(), kConnectedWindow) : 0;
}

ServerCounts PhoneServer::counts() const {
    return {answered_.load(), read_.load(), published_.load(), refused_.load(), deadlines_ ? deadlines_->cut_count() : 0};
}

}  // namespace kartla::phones
