// Every English string the code passes to a translator must have a Swedish
// translation in assets/i18n/sv/*.po: a Swedish meeting room should never see
// a stray English label. The sources are scanned for tr("...") / translate("...")
// and for the titles of views, commands and exports.
#include "agenda.hpp"
#include "i18n.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = KARTLA_TEST_SOURCE_DIR;

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string unescape(const std::string& literal) {
    std::string out;
    for (std::size_t i = 0; i < literal.size(); ++i) {
        if (literal[i] == '\\' && i + 1 < literal.size()) {
            char next = literal[++i];
            if (next == 'u' && i + 4 < literal.size()) {
                append_utf8(out, std::stoul(literal.substr(i + 1, 4), nullptr, 16));
                i += 4;
                continue;
            }
            out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        } else {
            out += literal[i];
        }
    }
    return out;
}

std::string fmt_location(const fs::path& file, long line) {
    return fs::relative(file, kSource).string() + ":" + std::to_string(line);
}

// msgid -> "file:line" of its first use.
std::map<std::string, std::string> msgids_in_sources() {
    static const std::regex patterns[] = {
        // tr("..."), translate("..."), host.tr("...")
        std::regex(R"re(\b(?:tr|translate)\(\s*"((?:[^"\\]|\\.)*)"\s*\))re"),
        // add_view({"key", "Title", ...}), add_command({...}), add_export({"format", "Label", ...}),
        // add_report_section({"key", "Title", ...})
        std::regex(R"re(add_(?:view|command|export|report_section)\(\s*\{\s*"[^"]*",\s*"((?:[^"\\]|\\.)*)")re"),
    };
    std::map<std::string, std::string> found;
    for (const char* root : {"core/src", "plugins"}) {
        for (const auto& entry : fs::recursive_directory_iterator(kSource / root)) {
            if (entry.path().extension() != ".cpp") continue;
            if (entry.path().string().find("/tests/") != std::string::npos) continue;
            std::string text = read_text(entry.path());
            for (const auto& pattern : patterns)
                for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
                    std::string msgid = unescape((*it)[1].str());
                    if (msgid.empty()) continue;
                    auto line = std::count(text.begin(), text.begin() + it->position(), '\n') + 1;
                    found.try_emplace(msgid, fmt_location(entry.path(), line));
                }
        }
    }
    return found;
}

}  // namespace

TEST_CASE("every translated string in the core and the plugins has a Swedish translation") {
    kartla::Translations swedish;
    REQUIRE(swedish.load(kSource / "assets" / "i18n", "sv") > 100);
    auto used = msgids_in_sources();
    REQUIRE(used.size() > 200);  // the scan finds the strings at all
    std::string missing;
    for (const auto& [msgid, where] : used)
        if (!swedish.has(msgid)) missing += where + ": \"" + msgid + "\"\n";
    INFO("msgids without a Swedish translation:\n" << missing);
    CHECK(missing.empty());
}

TEST_CASE("the usual agenda's step titles are translated") {
    kartla::Translations swedish;
    swedish.load(kSource / "assets" / "i18n", "sv");
    for (const auto& step : kartla::agenda::default_mapping_agenda()) {
        INFO(step.title);
        CHECK(swedish.has(step.title));
    }
}
