// Loading plugins from shared libraries, and refusing the broken ones.
#include "headless.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name) { return fs::path(KARTLA_TEST_FIXTURE_DIR) / (name + ".kplug"); }

const PluginRecord& record(Runtime& runtime, const std::string& id) {
    for (auto& plugin : runtime.plugins())
        if (plugin->id == id || plugin->path.stem() == id) return *plugin;
    FAIL("no record for " << id);
    throw 0;
}

std::string run_command(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    return out;
}

}  // namespace

TEST_CASE("a good plugin loads, registers its parts and gets its tables in the workshop") {
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    REQUIRE(runtime.plugins().load(fixture("fixture_good")));
    CHECK(record(runtime, "fixture_good").status == PluginStatus::Loaded);
    CHECK(runtime.registry().views().size() == 1);
    CHECK(runtime.offers().find_export("things") != nullptr);
    runtime.set_workshop(Workshop::in_memory());
    CHECK(runtime.workshop()->plugin_schema_version("fixture_good") == 1);
    bool available = false;
    CHECK(runtime.offers().entities("thing", &available).empty());
    CHECK(available);
    runtime.offers().entities("nothing", &available);
    CHECK(!available);
}

TEST_CASE("broken plugins are refused with a clear message, the good one keeps working") {
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    struct Case {
        const char* file;
        const char* message_part;
    };
    for (auto c : {Case{"fixture_wrong_abi", "plugin interface"}, Case{"fixture_no_entry", "entry point"},
                   Case{"fixture_throws_in_create", "refuses to start"}, Case{"fixture_own_imgui", "own copy of Dear ImGui"}}) {
        CAPTURE(c.file);
        CHECK(!runtime.plugins().load(fixture(c.file)));
        auto& r = record(runtime, c.file);
        CHECK(r.status == PluginStatus::Failed);
        CHECK(r.message.find(c.message_part) != std::string::npos);
    }
    // Nothing registered by the plugin that threw in create survives.
    CHECK(runtime.registry().views().empty());
    REQUIRE(runtime.plugins().load(fixture("fixture_good")));
    runtime.set_workshop(Workshop::in_memory());
    CHECK(runtime.plugins().usable("fixture_good"));
    CHECK(runtime.messages().entries.size() >= 4);
}

TEST_CASE("relative paths and missing files are never loaded") {
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    CHECK(!runtime.plugins().load("fixture_good.kplug"));
    CHECK(record(runtime, "fixture_good").message.find("absolute") != std::string::npos);
    CHECK(!runtime.plugins().load("/nonexistent/x.kplug"));
}

TEST_CASE("a plugin that throws while drawing is turned off and the frame recovers") {
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    REQUIRE(runtime.plugins().load(fixture("fixture_throws_in_draw")));
    REQUIRE(runtime.plugins().load(fixture("fixture_good")));
    runtime.set_workshop(Workshop::in_memory());
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    ui.set_ui([&] { shell.frame(); });
    shell.stage().show("fixture_throws_in_draw.view");
    ui.frame(3);
    CHECK(record(runtime, "fixture_throws_in_draw").status == PluginStatus::Disabled);
    CHECK(record(runtime, "fixture_throws_in_draw").message.find("drawing failed on purpose") != std::string::npos);
    CHECK(runtime.plugins().usable("fixture_good"));
    // Its view is gone; the good plugin's view and the core's own views stay.
    auto keys = [&] {
        std::vector<std::string> out;
        for (auto& v : runtime.registry().views()) out.push_back(v.spec.key);
        return out;
    }();
    CHECK(std::find(keys.begin(), keys.end(), "fixture_throws_in_draw.view") == keys.end());
    CHECK(std::find(keys.begin(), keys.end(), "fixture_good.view") != keys.end());
    shell.stage().show("fixture_good.view");
    ui.frame(2);
    CHECK(shell.stage().current() == "fixture_good.view");
}

TEST_CASE("no real plugin carries its own copy of Dear ImGui, and the check would see one") {
    auto imgui_symbols = [](const fs::path& file) {
        return run_command("nm -C --defined-only '" + file.string() + "' | grep -c ' ImGui::' || true");
    };
    CHECK(std::stoi(imgui_symbols(fixture("fixture_own_imgui"))) > 100);
    int checked = 0;
    for (auto& entry : fs::directory_iterator(KARTLA_TEST_PLUGIN_DIR)) {
        if (entry.path().extension() != ".kplug") continue;
        CAPTURE(entry.path());
        CHECK(std::stoi(imgui_symbols(entry.path())) == 0);
        ++checked;
    }
    CHECK(std::stoi(imgui_symbols(fixture("fixture_good"))) == 0);
    MESSAGE("plugins checked: " << checked);
}

TEST_CASE("the program links no plugin: they are loaded at run time") {
    std::string libraries = run_command(std::string("ldd '") + KARTLA_TEST_BINARY + "'");
    CHECK(libraries.find("libkartla_core") != std::string::npos);
    CHECK(libraries.find(".kplug") == std::string::npos);
    CHECK(libraries.find("problem_map.kplug") == std::string::npos);
}
