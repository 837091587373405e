#include "phones/connection_deadlines.hpp"

#include <sys/socket.h>

namespace kartla::phones {

namespace {
// How often the watch looks: a connection lives at most this much past its deadline.
constexpr auto kTick = std::chrono::milliseconds(100);
}  // namespace

void ConnectionDeadlines::start() {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    if (!thread_.joinable()) thread_ = std::thread([this] { watch(); });
}

void ConnectionDeadlines::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

ConnectionDeadlines::Handle ConnectionDeadlines::add(int fd) {
    std::lock_guard lock(mutex_);
    entries_.push_back(Entry{fd, Clock::now() + limit_});
    return std::prev(entries_.end());
}

void ConnectionDeadlines::remove(Handle handle) {
    std::lock_guard lock(mutex_);
    entries_.erase(handle);
}

void ConnectionDeadlines::set_waiting(Handle handle, bool waiting) {
    std::lock_guard lock(mutex_);
    handle->waiting = waiting;
    if (!waiting) handle->deadline = Clock::now() + limit_;
}

std::size_t ConnectionDeadlines::cut_count() const {
    std::lock_guard lock(mutex_);
    return cut_;
}

// The socket is shut down, not closed: the server still owns the descriptor and
// closes it itself (after remove(), under the same lock, so it is never reused meanwhile).
void ConnectionDeadlines::watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const auto now = Clock::now();
        for (auto& entry : entries_)
            if (!entry.waiting && !entry.cut && now > entry.deadline) {
                shutdown(entry.fd, SHUT_RDWR);
                entry.cut = true;
                ++cut_;
            }
        changed_.wait_for(lock, kTick, [this] { return stopping_; });
    }
}

}  // namespace kartla::phones
