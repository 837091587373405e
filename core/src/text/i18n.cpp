#include "text/i18n.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

namespace kartla {

namespace fs = std::filesystem;

namespace {

// The body of a quoted .po string with its escapes resolved.
std::string unquote(std::string_view line) {
    auto first = line.find('"');
    auto last = line.rfind('"');
    if (first == std::string_view::npos || last <= first) return {};
    std::string out;
    for (auto i = first + 1; i < last; ++i) {
        char c = line[i];
        if (c != '\\' || i + 1 >= last) {
            out += c;
            continue;
        }
        char next = line[++i];
        out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    }
    return out;
}

}  // namespace

std::size_t Translations::parse(std::string_view text, const std::string& component) {
    auto& strings = catalogues_[component];
    std::string msgid, msgstr, *current = nullptr;
    std::size_t added = 0;
    auto flush = [&] {
        if (!msgid.empty() && !msgstr.empty()) {
            strings[msgid] = msgstr;
            ++added;
        }
        msgid.clear();
        msgstr.clear();
        current = nullptr;
    };
    while (!text.empty()) {
        auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.starts_with("msgid ")) {
            flush();
            msgid = unquote(line);
            current = &msgid;
        } else if (line.starts_with("msgstr ")) {
            msgstr = unquote(line);
            current = &msgstr;
        } else if (line.starts_with("\"") && current) {
            *current += unquote(line);
        }
    }
    flush();
    return added;
}

std::size_t Translations::load(const fs::path& i18n_dir, const std::string& language) {
    catalogues_.clear();
    language_ = language;
    std::size_t count = 0;
    std::error_code ec;
    std::vector<fs::path> files;
    for (auto& entry : fs::directory_iterator(i18n_dir / language, ec))
        if (entry.path().extension() == ".po") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::string text(std::istreambuf_iterator<char>(in), {});
        count += parse(text, file.stem().string());
    }
    return count;
}

const char* Translations::find(const std::string& component, const char* msgid) const {
    auto catalogue = catalogues_.find(component);
    if (catalogue == catalogues_.end()) return nullptr;
    auto found = catalogue->second.find(msgid);
    return found == catalogue->second.end() ? nullptr : found->second.c_str();
}

const char* Translations::translate_in(std::string_view component, const char* msgid) const {
    if (const char* own = find(std::string(component), msgid)) return own;
    if (const char* core = find("core", msgid)) return core;
    for (const auto& [name, catalogue] : catalogues_)
        if (auto found = catalogue.find(msgid); found != catalogue.end()) return found->second.c_str();
    return msgid;
}

bool Translations::has(std::string_view msgid) const {
    for (const auto& [name, catalogue] : catalogues_)
        if (catalogue.count(std::string(msgid))) return true;
    return false;
}

void Translations::for_each(const std::function<void(const std::string&, const std::string&)>& visit) const {
    for (const auto& [name, catalogue] : catalogues_)
        for (const auto& [msgid, text] : catalogue) visit(msgid, text);
}

const char* Languages::translate_in(const Translations& screen, std::string_view language, std::string_view component,
                                   const char* msgid) {
    if (language == screen.language()) return screen.translate_in(component, msgid);
    auto found = loaded_.find(language);
    if (found == loaded_.end()) {
        found = loaded_.emplace(std::string(language), Translations{}).first;
        found->second.load(dir_, std::string(language));  // none for English: the msgids are English
    }
    return found->second.translate_in(component, msgid);
}

std::string system_language() {
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value && *value) return std::string_view(value).starts_with("sv") ? "sv" : "en";
    }
    return "en";
}

}  // namespace kartla
