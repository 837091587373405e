#pragma once
// The audit's second workshop: the same workshop with every text the room reads
// made long, in Swedish, the way a real meeting's titles and descriptions are.
#include <filesystem>
#include <string>

namespace kartla::audit {

// Appends a long Swedish clause to every text value of `file` (a copy: it is
// changed in place) that reads as words: one with a space or a Swedish letter
// and no JSON. Keys, dates, codes and numbers have neither and stay as they are.
// Returns an error message, empty on success.
std::string lengthen_texts(const std::filesystem::path& file);

}  // namespace kartla::audit
