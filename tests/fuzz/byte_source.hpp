#pragma once
// Turns a fuzz input into the texts and the small numbers a workshop is built
// from. Texts are read from the front, each ending at a 0xFF byte (a byte that
// never occurs in UTF-8, so a seed is readable text with 0xFF between fields);
// numbers are read one byte each from the back. The two ends meet in the middle,
// so a mutation of the text rarely changes the structure and the other way round.
// A used-up input gives empty texts and zeros: every input is a valid workshop.
//
// Our own reader rather than clang's FuzzedDataProvider: the same body is built by
// gcc for the ordinary test run, where that header is not on the include path.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kartla::fuzz {

class ByteSource {
public:
    ByteSource(const std::uint8_t* data, std::size_t size) : begin_(data), end_(data + size) {}

    // The next text field: the bytes up to the next 0xFF (or the numbers' end).
    std::string text() {
        const std::uint8_t* stop = begin_;
        while (stop != end_ && *stop != kFieldEnd) ++stop;
        std::string out(reinterpret_cast<const char*>(begin_), std::size_t(stop - begin_));
        begin_ = stop == end_ ? stop : stop + 1;
        return out;
    }

    // A number in [0, limit], from one byte at the back.
    int number(int limit) {
        if (begin_ == end_ || limit <= 0) return 0;
        --end_;
        return int(*end_) % (limit + 1);
    }

    bool flag() { return number(1) == 1; }

    // One of the stored values of an enumeration. Not free text: the edit paths
    // refuse a value outside the list, so it could only test the refusal.
    template <std::size_t N>
    std::string choice(const std::array<std::string_view, N>& values) {
        return std::string(values[std::size_t(number(int(N) - 1))]);
    }

private:
    static constexpr std::uint8_t kFieldEnd = 0xFF;
    const std::uint8_t* begin_;
    const std::uint8_t* end_;
};

}  // namespace kartla::fuzz
