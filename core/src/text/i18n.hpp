#pragma once
// Translations from gettext .po catalogues under assets/i18n/<language>/*.po
// (one per component: core.po, problem_map.po, ...). English text is the msgid,
// so English needs no catalogue.
#include "kartla/api.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <map>
#include <unordered_map>

namespace kartla {

class KARTLA_API Translations {
public:
    // Loads every catalogue of the language ("sv", "en"); returns how many strings were read.
    std::size_t load(const std::filesystem::path& i18n_dir, const std::string& language);
    // One English word can mean two things ("Start" a timer, a "Start" date), so
    // each component's catalogue is asked first, then the core's, then any other.
    const char* translate_in(std::string_view component, const char* msgid) const;
    const char* translate(const char* msgid) const { return translate_in("core", msgid); }
    const std::string& language() const { return language_; }
    bool has(std::string_view msgid) const;
    // Every string of the loaded language as (msgid, translation): for the layout
    // audit, which looks for English on a Swedish screen.
    void for_each(const std::function<void(const std::string&, const std::string&)>& visit) const;

    // Adds the strings of one .po text to a component's catalogue; exposed for tests.
    std::size_t parse(std::string_view po_text, const std::string& component = "core");

private:
    using Catalogue = std::unordered_map<std::string, std::string>;
    const char* find(const std::string& component, const char* msgid) const;

    std::string language_ = "en";
    std::map<std::string, Catalogue> catalogues_;  // by component: "core", "problem_map", ...
};

// The strings of other languages beside the screen's, each loaded when first asked for:
// for words that go to someone who reads another language (a phone in the room whose
// browser speaks English while the screen speaks Swedish).
class KARTLA_API Languages {
public:
    explicit Languages(std::filesystem::path i18n_dir) : dir_(std::move(i18n_dir)) {}
    // `msgid` of `component` in `language`: from `screen` when it speaks it.
    const char* translate_in(const Translations& screen, std::string_view language, std::string_view component,
                             const char* msgid);

private:
    std::filesystem::path dir_;
    std::map<std::string, Translations, std::less<>> loaded_;
};

// "sv" when the user's locale is Swedish, otherwise "en".
KARTLA_API std::string system_language();

}  // namespace kartla
