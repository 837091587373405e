#include "storage/row_keys.hpp"

#include <sqlite3.h>

#include <chrono>

namespace kartla::row_keys {

namespace {

constexpr std::int64_t kEpochMs = 1'704'067'200'000;  // 2024-01-01T00:00:00Z
constexpr int kRandomBits = 11;
constexpr std::int64_t kLimit = std::int64_t(1) << 53;

// The last key this connection made, so that keys of one connection only grow.
struct Last {
    std::int64_t key = 0;
};

void kartla_key(sqlite3_context* context, int, sqlite3_value**) {
    auto* last = static_cast<Last*>(sqlite3_user_data(context));
    std::uint32_t random = 0;
    sqlite3_randomness(sizeof random, &random);
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch()).count();
    last->key = next(now, last->key, random);
    sqlite3_result_int64(context, last->key);
}

void free_last(void* last) { delete static_cast<Last*>(last); }

}  // namespace

std::int64_t next(std::int64_t now_ms, std::int64_t last, std::uint32_t random_bits) {
    std::int64_t since = now_ms > kEpochMs ? now_ms - kEpochMs : 0;
    std::int64_t key = (since << kRandomBits | std::int64_t(random_bits & ((1u << kRandomBits) - 1))) % kLimit;
    if (key <= last && last + 1 < kLimit) key = last + 1;  // several in one millisecond, or the clock went back
    return key == 0 ? 1 : key;
}

void register_function(sqlite3* db) {
    // Not deterministic: each call gives another key. DIRECTONLY: a file's schema cannot call it.
    sqlite3_create_function_v2(db, "kartla_key", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, new Last, kartla_key, nullptr,
                               nullptr, free_last);
}

}  // namespace kartla::row_keys
