#include "phones/phone_server.hpp"

#include "host/runtime.hpp"
#include "phones/join_address.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kartla::phones {

namespace {

constexpr auto kConnectedWindow = std::chrono::seconds(10);

// Text from a hostile file may be invalid UTF-8: replaced, never thrown.
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

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

RequestHead head_of(const httplib::Request& req) {
    RequestHead head;
    head.method = req.method;
    head.path = req.path;
    head.host = req.get_header_value("Host");
    head.origin = req.get_header_value("Origin");
    head.content_type = req.get_header_value("Content-Type");
    head.kartla_header = req.get_header_value("X-Kartla");
    head.phone_id = req.get_header_value("X-Kartla-Phone");
    const std::string length = req.get_header_value("Content-Length");
    head.content_length = length.empty() ? 0 : std::size_t(std::strtoull(length.c_str(), nullptr, 10));
    if (!length.empty() && length.find_first_not_of("0123456789") != std::string::npos) head.content_length = SIZE_MAX;
    head.chunked = req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
    return head;
}

std::string language_of(const httplib::Request& req) {
    const std::string accept = req.get_header_value("Accept-Language");
    return accept.rfind("sv", 0) == 0 ? "sv" : "en";
}

// Every answer: no caching (state changes), no sniffing, no referrer (the token is in the address).
void common_headers(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
}

void answer_json(httplib::Response& res, int status, const std::string& body) {
    common_headers(res);
    res.status = status;
    res.set_content(body, "application/json; charset=utf-8");
}

void answer_error(httplib::Response& res, const Verdict& verdict) {
    if (verdict.retry_after > 0) res.set_header("Retry-After", std::to_string(int(verdict.retry_after) + 1));
    answer_json(res, verdict.status, dump({{"error", verdict.error}}));
}

std::vector<std::string> allowed_hosts(const std::string& bind, int port) {
    std::vector<std::string> hosts{short_address(bind, port)};
    if (bind == "127.0.0.1" || bind == "::1") hosts.push_back(fmt::format("localhost:{}", port));
    if (port == 80) hosts.push_back(bind);
    return hosts;
}

}  // namespace

struct PhoneServer::Pending {
    std::string method, route, phone_id, language;
    nlohmann::json body;
    std::promise<std::pair<int, std::string>> answer;
};

PhoneServer::PhoneServer(Runtime& runtime) : runtime_(runtime) {}

PhoneServer::~PhoneServer() { stop(); }

bool PhoneServer::start(const ServerOptions& options, std::string* error) {
    stop();
    options_ = options;
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        server_.reset();
        return false;
    };
    std::string page;
    if (!read_file(options.page_dir / "index.html", page) || !read_file(options.page_dir / "phone.js", script_) ||
        !read_file(options.page_dir / "phone.css", style_))
        return fail(fmt::format("the phone page is missing from {}", options.page_dir.string()));
    token_ = random_token();
    code_ = random_code();
    bind_ = options.bind.empty() ? default_bind_address() : options.bind;
    page_html_ = replace_all(page, "{{BASE}}", "/" + token_);
    code_page_html_ = replace_all(page, "{{BASE}}", "");

    server_ = std::make_unique<httplib::Server>();
    const std::size_t threads = options.threads;
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_payload_max_length(options.limits.max_body_bytes);
    server_->set_read_timeout(options.io_timeout.count(), 0);
    server_->set_write_timeout(options.io_timeout.count(), 0);
    // One request per connection: a kept-alive connection would hold a pool thread while it idles.
    server_->set_keep_alive_max_count(1);
    install_handlers();
    port_ = options.port == 0 ? server_->bind_to_any_port(bind_) : (server_->bind_to_port(bind_, options.port) ? options.port : -1);
    if (port_ <= 0) return fail(fmt::format("cannot listen on {} port {}", bind_, options.port));
    gate_ = std::make_unique<RequestGate>(token_, code_, allowed_hosts(bind_, port_), options.limits);
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = false;
    }
    running_ = true;
    listener_ = std::thread([this] { server_->listen_after_bind(); });
    return true;
}

void PhoneServer::install_handlers() {
    server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        using R = httplib::Server::HandlerResponse;
        const RequestHead head = head_of(req);
        const Verdict verdict = gate_ ? gate_->check(head, Clock::now()) : Verdict{503, "Not ready."};
        if (verdict.status) {
            ++refused_;
            answer_error(res, verdict);
            return R::Handled;
        }
        switch (verdict.target) {
        case Target::CodePage:
        case Target::Page:
            common_headers(res);
            res.set_header("Content-Security-Policy",
                           "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                           "img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
            res.set_content(verdict.target == Target::Page ? page_html_ : code_page_html_, "text/html; charset=utf-8");
            return R::Handled;
        case Target::Asset:
            common_headers(res);
            if (verdict.name == "phone.js") res.set_content(script_, "text/javascript; charset=utf-8");
            else res.set_content(style_, "text/css; charset=utf-8");
            return R::Handled;
        case Target::Route:
            if (req.method == "GET") {
                int status = 0;
                std::string reply;
                answer_route("GET", verdict.name, head, language_of(req), nlohmann::json::object(), status, reply);
                answer_json(res, status, reply);
                return R::Handled;
            }
            return R::Unhandled;  // the body is read next, then the POST handler below answers
        default:
            return R::Unhandled;
        }
    });
    server_->Post(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
        auto body = parse_body(req.body, options_.limits.max_json_depth);
        if (!body) {
            ++refused_;
            return answer_json(res, 400, dump({{"error", "The request is not valid JSON."}}));
        }
        if (req.path == "/join") {
            const auto code = body->find("code");
            if (code == body->end() || !code->is_string() || !gate_->code_matches(code->get<std::string>()))
                return answer_json(res, 403, dump({{"error", "That code is not right."}}));
            return answer_json(res, 200, dump({{"url", "/" + token_}}));
        }
        const RequestHead head = head_of(req);
        const std::string route = req.path.substr(token_.size() + 1);
        int status = 0;
        std::string reply;
        answer_route("POST", route, head, language_of(req), std::move(*body), status, reply);
        answer_json(res, status, reply);
    });
}

// On a server thread: hands the request to the main thread and waits for its answer.
void PhoneServer::answer_route(const std::string& method, const std::string& route, const RequestHead& head,
                               std::string language, nlohmann::json body, int& status, std::string& reply) {
    auto pending = std::make_shared<Pending>();
    pending->method = method;
    pending->route = route;
    pending->phone_id = head.phone_id;
    pending->language = std::move(language);
    pending->body = std::move(body);
    auto answer = pending->answer.get_future();
    {
        std::lock_guard lock(queue_mutex_);
        if (stopping_) {
            status = 503;
            reply = dump({{"error", "Joining is closed."}});
            return;
        }
        queue_.push_back(pending);
    }
    queue_changed_.notify_all();
    if (wake) wake();
    if (answer.wait_for(options_.answer_timeout) != std::future_status::ready) {
        status = 503;
        reply = dump({{"error", "The meeting is busy: try again."}});
        return;
    }
    std::tie(status, reply) = answer.get();
}

std::size_t PhoneServer::pump() {
    std::deque<std::shared_ptr<Pending>> batch;
    {
        std::lock_guard lock(queue_mutex_);
        batch.swap(queue_);
    }
    for (auto& pending : batch) {
        int status = 404;
        nlohmann::json reply = nlohmann::json::object();
        const PhoneRouteSpec* found = nullptr;
        std::string plugin_id;
        for (const auto& entry : runtime_.phone_routes())
            if (entry.spec.method == pending->method && entry.spec.path == pending->route) {
                found = &entry.spec;
                plugin_id = entry.plugin_id;
            }
        if (found) {
            // A copy: a route that throws turns its plugin off, which drops the registration.
            auto handle = found->handle;
            PhoneRequest request{pending->phone_id, pending->language, pending->body};
            if (!runtime_.guarded(plugin_id, "answering a phone", [&] { status = handle(request, reply); })) {
                status = 500;
                reply = {{"error", "Something went wrong."}};
            }
            ++answered_;
        } else {
            reply = {{"error", "Not found."}};
        }
        pending->answer.set_value({status, dump(reply)});
    }
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
    if (!server_) return;
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    pump();  // what was accepted is answered (and in the file) before the threads go
    server_->stop();
    if (listener_.joinable()) listener_.join();
    server_.reset();
    gate_.reset();
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

ServerCounts PhoneServer::counts() const { return {answered_.load(), refused_.load()}; }

}  // namespace kartla::phones
