// Every export format, read back by an independent reader (Debian's Python:
// csv, html.parser, openpyxl, icalendar) through check_exports.py.
#include "world.hpp"

#include "../model/edits.hpp"
#include "../model/measure.hpp"
#include "temp_dir.hpp"

#include "kartla/core_data.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <set>

using namespace kartla::action_plan;
using namespace kartla::action_plan::test;
namespace fs = std::filesystem;

namespace {

const char* kFormats[] = {"md", "csv", "html", "xlsx", "ics"};

void export_all(World& w, const fs::path& dir) {
    w.register_exports();
    for (const char* format : kFormats) w.export_to(format, dir / (std::string("plan.") + format));
    w.export_to("csv-all", dir / "tables");
}

int run_checker(const std::string& mode, const fs::path& dir) {
    const std::string script = std::string(KARTLA_TEST_SOURCE_DIR) + "/plugins/action_plan/tests/check_exports.py";
    const std::string command = "/usr/bin/python3 '" + script + "' " + mode + " '" + dir.string() + "'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void write_expectations(const fs::path& dir, const nlohmann::json& expected) {
    std::ofstream(dir / "expect.json") << expected.dump();
}

std::int64_t full_measure(World& w, const std::string& text, const std::string& long_text) {
    std::int64_t id = 0;
    w.edit([&](kartla::Database& db) {
        id = create_measure(db, text, "2026-03-12");
        for (Field f : {Field::Goal, Field::Resources, Field::Cost, Field::ExpectedEffect, Field::Indicator,
                        Field::Baseline, Field::FollowUpMethod, Field::LightComment})
            set_text(db, id, f, text);
        set_text(db, id, Field::Description, long_text);
        set_text(db, id, Field::Prevention, "social");
        set_text(db, id, Field::GoalType, "outcome");
        set_text(db, id, Field::EffectTerm, "long");
        set_text(db, id, Field::Start, "2026-04-01");
        set_text(db, id, Field::Due, "2026-12-31");
        set_light(db, id, "red");
        set_owner(db, id, kPolice);
        set_partner(db, id, kSocial, true);
        set_addresses(db, id, "problem", kDrugs, true);
        set_addresses(db, id, "cause", kDarkPlaces, true);
        set_status(db, id, "in_progress", "2026-04-01", text);
    });
    return id;
}

}  // namespace

TEST_CASE("each format carries the header, the prioritised problems with causes and the measures by problem") {
    kartla::test::TempDir dir;
    World w(dir / "plan.kartla");
    w.edit([](kartla::Database& db) {
        kartla::core_data::set_meta(db, "title", "Kartläggning Älvstad 2026");
        kartla::core_data::set_meta(db, "organisation", "Älvstads kommun");
        kartla::core_data::set_meta(db, "date", "2026-03-12");
        kartla::core_data::set_meta(db, "place", "Stadshuset, sal Åsen");
        kartla::core_data::add_participant(db, "Kommunpolis", "Polisen");
        kartla::core_data::add_participant(db, "Fältsekreterare", "Socialförvaltningen");
        // Follow-up meetings go into the calendar; the mapping meeting itself does not.
        kartla::core_data::add_meeting(db, {0, "mapping", "Kartläggningsmöte", "2026-03-12", "Stadshuset", ""});
        kartla::core_data::add_meeting(db, {0, "follow_up", "Uppföljning 1", "2026-06-10", "Stadshuset, sal Åsen", ""});
        kartla::core_data::add_meeting(db, {0, "follow_up", "Uppföljning utan datum", "", "", ""});
    });
    std::int64_t lights = 0, fields = 0;
    w.edit([&](kartla::Database& db) {
        lights = create_measure(db, "Belysning vid torget", "2026-03-12");
        set_text(db, lights, Field::Start, "2026-04-01");
        set_text(db, lights, Field::Due, "2026-06-30");
        set_text(db, lights, Field::Indicator, "Trygghet kvällstid");
        set_owner(db, lights, kHousing);
        set_partner(db, lights, kPolice, true);
        set_addresses(db, lights, "cause", kDarkPlaces, true);
        set_status(db, lights, "decided", "2026-03-12");
        set_light(db, lights, "green");
        fields = create_measure(db, "Fältarbete kvällstid", "2026-03-12");
        set_text(db, fields, Field::Due, "2027-03-31");
        set_text(db, fields, Field::Indicator, "Unga i kontakt");
        set_owner(db, fields, kSocial);
        set_addresses(db, fields, "problem", kRecruitment, true);
        create_measure(db, "Utan problem och datum", "2026-03-12");
    });
    export_all(w, dir.path());
    write_expectations(dir.path(),
                       {{"title", "Kartläggning Älvstad 2026"},
                        {"organisation", "Älvstads kommun"},
                        {"place", "Stadshuset, sal Åsen"},
                        {"organisations", {"Polisen", "Socialförvaltningen"}},
                        {"problems", {"Narkotikaförsäljning vid Centrumtorget", "Rekrytering av unga på Östra Höjden"}},
                        {"causes", {"Mörka platser vid torget", "Ingen förvaltare kvällstid", "Brist på meningsfull fritid"}},
                        {"follow_ups", {{{"title", "Uppföljning 1"}, {"date", "2026-06-10"}, {"place", "Stadshuset, sal Åsen"}}}},
                        {"measures",
                         {{{"title", "Belysning vid torget"}, {"problem", "Narkotikaförsäljning vid Centrumtorget"},
                           {"owner", "Älvstadshem AB"}, {"partners", "Polisen, lokalpolisområde Älvstad"},
                           {"start", "2026-04-01"}, {"due", "2026-06-30"}, {"status", "Decided"},
                           {"indicator", "Trygghet kvällstid"}},
                          {{"title", "Fältarbete kvällstid"}, {"problem", "Rekrytering av unga på Östra Höjden"},
                           {"owner", "Socialförvaltningen"}, {"partners", ""}, {"start", ""}, {"due", "2027-03-31"},
                           {"status", "Proposed"}, {"indicator", "Unga i kontakt"}},
                          {{"title", "Utan problem och datum"}, {"problem", "Measures not linked to a problem"},
                           {"owner", ""}, {"partners", ""}, {"start", ""}, {"due", ""}, {"status", "Proposed"},
                           {"indicator", ""}}}}});
    CHECK(run_checker("normal", dir.path()) == 0);
}

TEST_CASE("hostile text in every field stays well-formed and inert in every format") {
    kartla::test::TempDir dir;
    World w(dir / "plan.kartla");
    const std::string hostile =
        "=HYPERLINK(\"http://x\") +1 @SUM(A1) <script>alert(1)</script> \"quoted\" 'single'; semi, comma \\back\\slash\n"
        "second line\tafter tab 😀 åäö ÅÄÖ é & < > | * _ # [x](y)";
    std::string long_text = "-";
    while (long_text.size() < 10000) long_text += "Lång text åäö 😀 ; , \" \n";
    long_text = long_text.substr(0, 10000);
    // Labels from the other plugins and the header are user text too.
    for (auto* list : {&w.problems, &w.causes, &w.actors})
        for (auto& e : *list) e.label = "=" + e.label + " <b>x</b>; \"q\"";
    w.edit([&](kartla::Database& db) {
        for (auto key : {"title", "organisation", "place"}) kartla::core_data::set_meta(db, key, hostile);
        kartla::core_data::add_participant(db, "Roll", "+Org, \"A\"; <i>");
    });
    const std::string formula_starts[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\tTab", "\nNewline"};
    full_measure(w, hostile, long_text);
    for (const auto& start : formula_starts) full_measure(w, start, start);
    export_all(w, dir.path());
    nlohmann::json texts = nlohmann::json::array({hostile, long_text});
    for (const auto& start : formula_starts) texts.push_back(start);
    write_expectations(dir.path(), {{"hostile", hostile}, {"long", long_text}, {"texts", texts}});
    CHECK(run_checker("hostile", dir.path()) == 0);
}

TEST_CASE("CSV: comma on request, BOM first, personal data redacted on request") {
    kartla::test::TempDir dir;
    World w;
    w.register_exports();
    w.edit([](kartla::Database& db) {
        const auto id = create_measure(db, "Kontakt 070-123 45 67, a;b", "2026-03-12");
        set_text(db, id, Field::Description, "Ring 19121212-1212 eller mejla info@example.se");
    });
    kartla::ExportOptions comma;
    comma.csv_separator = ',';
    w.export_to("csv", dir / "comma.csv", comma);
    const std::string bytes = kartla::test::read_bytes(dir / "comma.csv");
    CHECK(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(bytes.find("\"Kontakt 070-123 45 67, a;b\"") != std::string::npos);
    kartla::ExportOptions redact;
    redact.redact_personal_data = true;
    for (const char* format : kFormats) {
        const fs::path out = dir / (std::string("redacted.") + format);
        w.export_to(format, out, redact);
        if (std::string(format) == "xlsx") continue;  // zipped; the text check is for the plain formats
        const std::string text = kartla::test::read_bytes(out);
        CHECK_MESSAGE(text.find("19121212-1212") == std::string::npos, format);
        CHECK_MESSAGE(text.find("info@example.se") == std::string::npos, format);
        CHECK_MESSAGE(text.find("070-123 45 67") == std::string::npos, format);
    }
}

TEST_CASE("iCalendar UIDs are stable across exports and differ between measures") {
    kartla::test::TempDir dir;
    World w;
    w.register_exports();
    std::int64_t first_id = 0;
    w.edit([&](kartla::Database& db) {
        for (const char* title : {"A", "B"}) {
            const auto id = create_measure(db, title, "2026-03-12");
            set_text(db, id, Field::Due, "2026-12-31");
            if (!first_id) first_id = id;
        }
    });
    auto uids = [&](const fs::path& file) {
        std::vector<std::string> out;
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);)
            if (line.rfind("UID:", 0) == 0) out.push_back(line);
        return out;
    };
    w.export_to("ics", dir / "one.ics");
    w.edit([&](kartla::Database& db) { set_text(db, first_id, Field::Title, "A, renamed"); });
    w.export_to("ics", dir / "two.ics");
    const auto first = uids(dir / "one.ics"), second = uids(dir / "two.ics");
    REQUIRE(first.size() == 4);  // two tasks, and their due dates as two events
    CHECK(first == second);
    CHECK(std::set<std::string>(first.begin(), first.end()).size() == 4);
}
