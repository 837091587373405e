#pragma once
// Translations from gettext .po catalogues under assets/i18n/<language>/*.po
// (one per component: core.po, problem_map.po, ...). English text is the msgid,
// so English needs no catalogue.
#include "kartla/export.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kartla {

class KARTLA_API Translations {
public:
    // Loads every catalogue of the language ("sv", "en"); returns how many strings were read.
    std::size_t load(const std::filesystem::path& i18n_dir, const std::string& language);
    const char* translate(const char* msgid) const;
    const std::string& language() const { return language_; }
    bool has(std::string_view msgid) const { return strings_.count(std::string(msgid)) > 0; }

    // Adds the strings of one .po text; exposed for tests.
    std::size_t parse(std::string_view po_text);

private:
    std::string language_ = "en";
    std::unordered_map<std::string, std::string> strings_;
};

// "sv" when the user's locale is Swedish, otherwise "en".
KARTLA_API std::string system_language();

}  // namespace kartla
