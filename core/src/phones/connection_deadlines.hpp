#pragma once
// A whole-request deadline for every connection of the room server, whatever
// the client trickles: libmicrohttpd's own timeout is an idle timeout (reset by
// every byte), so a phone that sends one header line a second would be kept
// for ever. A watch thread shuts down the socket of a connection past its
// deadline; the server's event loop then sees the end and frees it.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <mutex>
#include <thread>

namespace kartla::phones {

class ConnectionDeadlines {
public:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        int fd = -1;
        Clock::time_point deadline;
        bool waiting = false;  // answered by the main thread: no deadline while it waits
        bool cut = false;
    };
    using Handle = std::list<Entry>::iterator;

    explicit ConnectionDeadlines(Clock::duration limit) : limit_(limit) {}
    ~ConnectionDeadlines() { stop(); }
    ConnectionDeadlines(const ConnectionDeadlines&) = delete;
    ConnectionDeadlines& operator=(const ConnectionDeadlines&) = delete;

    void start();
    void stop();  // returns at once: the watch waits on a condition, not a sleep

    // From the server's thread, when a connection opens and before its socket is closed.
    Handle add(int fd);
    void remove(Handle handle);
    // Waiting for the main thread: off the clock; back on it (a fresh deadline to send the answer).
    void set_waiting(Handle handle, bool waiting);
    std::size_t cut_count() const;

private:
    void watch();

    const Clock::duration limit_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::list<Entry> entries_;
    std::thread thread_;
    bool stopping_ = false;
    std::size_t cut_ = 0;
};

}  // namespace kartla::phones
