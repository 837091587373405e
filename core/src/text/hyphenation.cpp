#include "kartla/hyphenation.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <vector>

namespace kartla::text {

namespace {

constexpr const char* kSoftHyphen = "\xC2\xAD";

// The dictionaries' folder in Debian (hyphen-sv, hyphen-en-us).
std::string dictionary_path(std::string_view language) {
    if (language == "sv") return "/usr/share/hyphen/hyph_sv_SE.dic";
    if (language == "en") return "/usr/share/hyphen/hyph_en_US.dic";
    return {};
}

// One letter of a word: where it starts in the UTF-8 text, its length, and its
// lower-case Latin-1 byte (the dictionaries' charset), 0 when it is no letter.
struct Letter {
    std::size_t at, bytes;
    unsigned char latin1;
};

Letter letter_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return {i, 1, static_cast<unsigned char>(c | 0x20)};
    // U+00C0-U+00FF (Å Ä Ö é ü ...), but not × and ÷.
    if (c == 0xC3 && i + 1 < text.size()) {
        const auto d = static_cast<unsigned char>(text[i + 1]);
        const unsigned code = 0xC0 + (d & 0x3F);
        if ((d & 0xC0) == 0x80 && code != 0xD7 && code != 0xF7) return {i, 2, static_cast<unsigned char>(code < 0xDF ? code + 0x20 : code)};
    }
    return {i, 0, 0};
}

}  // namespace

struct Hyphenator::Dictionary {
    HyphenDict* dict = nullptr;
    ~Dictionary() {
        if (dict) hnj_hyphen_free(dict);
    }
};

Hyphenator::Hyphenator(std::string_view language) : dictionary_(std::make_unique<Dictionary>()) {
    const std::string path = dictionary_path(language);
    if (!path.empty()) dictionary_->dict = hnj_hyphen_load(path.c_str());
    // Only the 8-bit dictionaries Debian ships for these languages are read as such.
    if (dictionary_->dict && dictionary_->dict->utf8) {
        hnj_hyphen_free(dictionary_->dict);
        dictionary_->dict = nullptr;
    }
}

Hyphenator::~Hyphenator() = default;

bool Hyphenator::available() const { return dictionary_->dict != nullptr; }

std::string Hyphenator::soft_hyphens(std::string_view text, std::size_t min_letters) const {
    if (!available()) return std::string(text);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t i = 0;
    while (i < text.size()) {
        // A run of letters; anything else is copied as it is.
        std::vector<Letter> word;
        std::size_t j = i;
        while (j < text.size()) {
            const Letter l = letter_at(text, j);
            if (l.bytes == 0) break;
            word.push_back(l);
            j += l.bytes;
        }
        const bool followed_by_digit = j < text.size() && text[j] >= '0' && text[j] <= '9';
        const bool after_digit = i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9';
        if (word.size() < min_letters || word.size() > 200 || followed_by_digit || after_digit) {
            const std::size_t end = word.empty() ? i + 1 : j;
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        std::string latin1;
        for (const Letter& l : word) latin1 += static_cast<char>(l.latin1);
        std::vector<char> hyphens(latin1.size() + 5, 0);
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        const bool ok = hnj_hyphen_hyphenate3(dictionary_->dict, latin1.c_str(), int(latin1.size()), hyphens.data(), nullptr,
                                              &rep, &pos, &cut, 2, 3, 2, 3) == 0;
        for (std::size_t k = 0; k < word.size(); ++k) {
            out.append(text.substr(word[k].at, word[k].bytes));
            const bool standard = !rep || !rep[k];  // a non-standard break changes letters: left out
            if (ok && standard && k + 1 < word.size() && (hyphens[k] & 1)) out += kSoftHyphen;
        }
        if (rep) {
            for (std::size_t k = 0; k < latin1.size(); ++k) std::free(rep[k]);
            std::free(rep);
        }
        std::free(pos);
        std::free(cut);
        i = j;
    }
    return out;
}

}  // namespace kartla::text
