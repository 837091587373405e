#pragma once
// Keys for rows that two copies of one workshop can make independently (cards,
// causes, measures, links, ...): every INSERT of such a row takes its id from
// the SQL function kartla_key(), which each connection kartla opens has.
//
// A key is the time it was made, in milliseconds since 2024, followed by 11
// random bits: below 2^53, so it survives a trip through JSON to a phone's
// JavaScript exactly, and ordering by id still orders rows by when they were
// made (the status log's order, a board's stacking). Keys one connection makes
// only grow, so one edit's many rows never meet each other. Two copies edited
// apart would have to make a row in the same millisecond and draw the same 11
// bits to meet; should that ever happen, the merge finds the key taken by a
// different row and reports it as a conflict (storage/merge.hpp), it never
// overwrites. Rows made before this existed keep their small keys.
#include <cstdint>

struct sqlite3;

namespace kartla::row_keys {

// The key for `now_ms` (milliseconds since 1970) that is greater than `last`.
std::int64_t next(std::int64_t now_ms, std::int64_t last, std::uint32_t random_bits);

// Adds kartla_key() to the connection.
void register_function(sqlite3* db);

}  // namespace kartla::row_keys
