#pragma once
// What the program tells its user (a plugin turned off, an export that failed):
// the window shows the newest as toasts, the command line prints them.
#include "kartla/host.hpp"

#include <cstdio>
#include <deque>
#include <string>

namespace kartla {

struct UserMessage {
    LogLevel level;
    std::string text;
};

class MessageLog {
public:
    void post(LogLevel level, std::string text) {
        if (echo_to_stderr && level != LogLevel::Info) std::fprintf(stderr, "kartla: %s\n", text.c_str());
        entries.push_back({level, std::move(text)});
        if (entries.size() > kKept) entries.pop_front();
    }

    std::deque<UserMessage> entries;  // oldest first
    bool echo_to_stderr = true;       // warnings and errors also on stderr (tests turn it off)

private:
    static constexpr std::size_t kKept = 100;
};

}  // namespace kartla
