// Every English string the code passes to a translator must have a Swedish
// translation in its catalogue (assets/i18n/sv/core.po, plugins/<id>/i18n/sv.po, staged together): a Swedish meeting room should never see
// a stray English label. The sources are scanned for tr("...") / translate("..."),
// for the titles of views, commands and exports, and for the labels of edits
// (undo steps), which the Edit menu translates when it shows them.
#include "headless.hpp"
#include "host/paths.hpp"
#include "host/runtime.hpp"
#include "meeting/agenda.hpp"
#include "text/i18n.hpp"
#include "ui/widgets/host_widgets.hpp"

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

// The text of the first `count` arguments of the call whose '(' is at `open`,
// up to the first lambda ('['): where an edit call's label is.
std::string leading_arguments(const std::string& text, std::size_t open, int count) {
    int depth = 0, commas = 0;
    bool in_string = false;
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '(' || c == '{') ++depth;
        else if ((c == ')' || c == '}') && depth-- == 0) return text.substr(open + 1, i - open - 1);
        else if (c == '[' && depth == 0) return text.substr(open + 1, i - open - 1);
        else if (c == ',' && depth == 0 && ++commas == count) return text.substr(open + 1, i - open - 1);
    }
    return {};
}

// Every label passed to an edit: the plugins' Host::edit and Workshop::edit,
// the few helpers that pass a label on to them (the label is then their
// first or second argument: save(workshop, "Add meeting", …)), and labels kept
// in a table of edits, marked undo_label("…") (problem_map/model/edits.cpp).
std::vector<std::pair<std::string, std::size_t>> edit_labels(const std::string& text) {
    static const std::regex call(R"re((?:\.|->)edit\(|\bundo_label\(|\b(edit_returning_id|save)\()re");
    static const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
    std::vector<std::pair<std::string, std::size_t>> out;
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
        std::size_t open = std::size_t(it->position() + it->length() - 1);
        std::string args = leading_arguments(text, open, (*it)[1].matched ? 2 : 1);
        for (std::sregex_iterator lit(args.begin(), args.end(), literal), none; lit != none; ++lit)
            out.emplace_back(unescape((*lit)[1].str()), open);
    }
    return out;
}

void labels_of_edits(std::map<std::string, std::string>& found) {
    for (const char* root : {"core/src", "plugins"})
        for (const auto& entry : fs::recursive_directory_iterator(kSource / root)) {
            const auto& path = entry.path();
            if (path.extension() != ".cpp") continue;
            // Tests and benchmarks label their own edits; nobody sees them.
            if (path.string().find("/tests/") != std::string::npos || path.string().find("/bench/") != std::string::npos)
                continue;
            std::string text = read_text(path);
            for (const auto& [label, at] : edit_labels(text)) {
                auto line = std::count(text.begin(), text.begin() + long(at), '\n') + 1;
                found.try_emplace(label, fmt_location(path, line));
            }
        }
}

// msgid -> "file:line" of its first use.
std::map<std::string, std::string> msgids_in_sources() {
    static const std::regex patterns[] = {
        // tr("..."), translate("..."), host.tr("...")
        std::regex(R"re(\b(?:tr|translate)\(\s*"((?:[^"\\]|\\.)*)"\s*\))re"),
        // add_view({"key", "Title", ...}), add_command({...}), add_export({"format", "Label", ...}),
        // add_report_section({"key", "Title", ...})
        std::regex(R"re(add_(?:view|command|export|report_section)\(\s*\{\s*"[^"]*",\s*"((?:[^"\\]|\\.)*)")re"),
        // the shared widgets' own words (the file dialog's buttons): widget_text("...")
        std::regex(R"re(\bwidget_text\(\s*"((?:[^"\\]|\\.)*)"\s*\))re"),
        // what failed, shown in a message: runtime.attempt(id, "The export failed", ...), guarded(id, "drawing", ...)
        std::regex(R"re(\b(?:attempt|guarded)\(\s*[\w.>-]+,\s*"((?:[^"\\]|\\.)*)")re"),
    };
    std::map<std::string, std::string> found;
    labels_of_edits(found);
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
    REQUIRE(swedish.load(kartla::paths::asset_dir() / "i18n", "sv") > 100);
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
    swedish.load(kartla::paths::asset_dir() / "i18n", "sv");
    for (const auto& step : kartla::agenda::default_mapping_agenda()) {
        INFO(step.title);
        CHECK(swedish.has(step.title));
    }
}

// What the plugins register is shown by the host in menus and the view bar,
// whatever way the plugin built its labels (a table of exports, a loop): so the
// registrations themselves are checked, from the real plugins as loaded.
TEST_CASE("every view, tab, command, export and report section the plugins register has a Swedish title") {
    kartla::Translations swedish;
    swedish.load(kartla::paths::asset_dir() / "i18n", "sv");
    kartla::test::Headless ui;
    kartla::Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    for (const char* id : {"problem_map", "actor_map", "action_plan", "follow_up", "report"})
        REQUIRE(runtime.plugins().load(fs::path(KARTLA_TEST_PLUGIN_DIR) / (std::string(id) + ".kplug")));
    runtime.set_workshop(kartla::Workshop::in_memory());
    std::string missing;
    const auto check = [&](const std::string& plugin, const std::string& what, const std::string& text) {
        if (!text.empty() && !swedish.has(text)) missing += plugin + " " + what + ": \"" + text + "\"\n";
    };
    for (const auto& v : runtime.registry().views()) {
        check(v.plugin_id, "view", v.spec.title);
        for (const auto& tab : v.spec.tabs) check(v.plugin_id, "tab", tab.title);
    }
    for (const auto& c : runtime.registry().commands()) check(c.plugin_id, "command", c.spec.label);
    for (const auto& e : runtime.registry().exports()) check(e.plugin_id, "export", e.spec.label);
    for (const auto& r : runtime.offers().report_sections()) check("", "report section", r.title);
    REQUIRE(runtime.registry().exports().size() >= 10);  // the action plan's tables among them
    INFO("registered titles without a Swedish translation:\n" << missing);
    CHECK(missing.empty());
}
