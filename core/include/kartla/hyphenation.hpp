#pragma once
// Where a word may be broken at the end of a line, by the language's own rules:
// libhyphen with the dictionaries Debian ships (hyphen-sv: hyph_sv_SE.dic).
// The paged writers put soft hyphens (U+00AD) there, so a long Swedish
// compound in a narrow column breaks as "Social-|förvaltningen", never
// "Socialförv|altningen", and shows its hyphen where it breaks.
#include "kartla/api.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace kartla::text {

class KARTLA_API Hyphenator {
public:
    // "sv" or "en"; a language without a dictionary on this machine hyphenates nothing.
    explicit Hyphenator(std::string_view language);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    bool available() const;
    // `text` with a soft hyphen at each legal break inside its words of at
    // least `min_letters` letters, with two letters at least before a break and
    // three after it ("Socialförvalt-ningen", never "Socialförvaltning-en").
    // Words with digits or letters the dictionary cannot spell, and breaks the
    // dictionary marks non-standard, are left whole.
    std::string soft_hyphens(std::string_view text, std::size_t min_letters = 8) const;

private:
    struct Dictionary;
    std::unique_ptr<Dictionary> dictionary_;
};

}  // namespace kartla::text
