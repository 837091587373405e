// Safe start (issue 13): a plugin for another processor or plugin interface is
// named as such; a plugin that took a start down is named at the next start and
// left out until the user tries it again; --safe-mode and --disable-plugin.
// The same through the real program: tests/safe_start/safe_start.sh.
#include "scoped_env.hpp"
#include "headless.hpp"
#include "host/plugin_start_guard.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"

#include <doctest/doctest.h>
#include <elf.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <optional>

using namespace kartla;
using kartla::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name) { return fs::path(KARTLA_TEST_FIXTURE_DIR) / (name + ".kplug"); }

const PluginRecord* record(const Runtime& runtime, std::string_view id) {
    for (auto& plugin : runtime.plugins())
        if (plugin->id == id) return plugin.get();
    return nullptr;
}

// A copy of a good plugin whose ELF header claims another processor and word size.
fs::path foreign_copy(const TempDir& dir, const std::string& name, unsigned char elf_class, std::uint16_t machine) {
    fs::path file = dir / (name + ".kplug");
    fs::copy_file(fixture("fixture_good"), file);
    std::fstream bytes(file, std::ios::binary | std::ios::in | std::ios::out);
    bytes.seekp(EI_CLASS);
    bytes.put(char(elf_class));
    bytes.seekp(18);  // e_machine, little-endian as the file is
    bytes.put(char(machine & 0xff));
    bytes.put(char(machine >> 8));
    return file;
}

// A start that died while starting `file`: a child process writes the marker and ends without removing it.
// With `id`, it died after the library said who it is (as the loader marks it).
void crash_while_starting(const fs::path& guard_folder, const fs::path& file, const std::string& id = {},
                          const std::string& name = {}) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        PluginStartGuard guard(guard_folder);
        guard.starting(file.stem().string(), file);
        if (!id.empty()) guard.starting(id, file, name);
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
}

// Only the plugins in `dir`: no user folder, nothing next to the test program.
struct OnlyPluginsIn {
    TempDir data_home;
    kartla::test::ScopedEnv data{"XDG_DATA_HOME", data_home.path().string()};
    kartla::test::ScopedEnv path;
    explicit OnlyPluginsIn(const fs::path& dir) : path("KARTLA_PLUGIN_PATH", dir.string()) {}
};

}  // namespace

TEST_CASE("a plugin built for another processor is named as such, not with the loader's message") {
    test::Headless ui;
    TempDir dir;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    struct Case {
        const char* name;
        unsigned char elf_class;
        std::uint16_t machine;
        const char* built_for;
    };
    for (auto c : {Case{"for_aarch64", ELFCLASS64, EM_AARCH64, "aarch64"}, Case{"for_i386", ELFCLASS32, EM_386, "i386"},
                   Case{"for_riscv", ELFCLASS64, EM_RISCV, "riscv64"}}) {
        CAPTURE(c.name);
        CHECK(!runtime.plugins().load(foreign_copy(dir, c.name, c.elf_class, c.machine)));
        const PluginRecord* r = record(runtime, c.name);
        REQUIRE(r);
        CHECK(r->status == PluginStatus::Failed);
        CHECK(r->message == fmt::format("it was built for {}, this kartla is x86-64", c.built_for));
        CHECK(r->message.find("ELF") == std::string::npos);  // glibc's "wrong ELF class" / "ELF file's machine"
        CHECK(runtime.messages().entries.back().text ==
              fmt::format("Plugin {}.kplug was not loaded: it was built for {}, this kartla is x86-64", c.name, c.built_for));
    }
    test::write_bytes(dir / "notes.kplug", "not a library at all\n");
    CHECK(!runtime.plugins().load(dir / "notes.kplug"));
    CHECK(record(runtime, "notes")->message == "it is not a compiled library (no ELF header)");
}

TEST_CASE("a plugin built for another plugin interface says which one, and which this kartla needs") {
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    CHECK(!runtime.plugins().load(fixture("fixture_wrong_abi")));
    CHECK(record(runtime, "fixture_wrong_abi")->message ==
          fmt::format("it was built for plugin interface {}, this kartla needs {}", kPluginAbiVersion + 41, kPluginAbiVersion));
}

TEST_CASE("a start that died names its plugin, and that plugin is left out until it is tried again") {
    test::Headless ui;
    TempDir config, plugins;
    fs::copy_file(fixture("fixture_good"), plugins / "fixture_good.kplug");
    OnlyPluginsIn only(plugins.path());
    fs::path guard = config / "safe-start";
    fs::path file = fs::canonical(plugins / "fixture_good.kplug");

    {  // A start that ends normally leaves no marker behind.
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().start({}, guard);
        CHECK(runtime.plugins().usable("fixture_good"));
        for (auto& entry : fs::directory_iterator(guard)) CHECK(!entry.path().filename().string().starts_with("starting-"));
    }
    crash_while_starting(guard, file);
    {
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().start({}, guard);
        const PluginRecord* r = record(runtime, "fixture_good");
        REQUIRE(r);
        CHECK(r->status == PluginStatus::Skipped);
        CHECK(r->held_back);
        CHECK(r->message.find("stopped while starting it") != std::string::npos);
        CHECK(runtime.registry().views().empty());  // not one line of it ran
        REQUIRE(runtime.plugins().held_back_to_ask().size() == 1);
        CHECK(runtime.plugins().held_back_to_ask()[0].id == "fixture_good");
    }
    {  // Still left out at the start after, until it is tried again.
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().start({}, guard);
        CHECK(record(runtime, "fixture_good")->status == PluginStatus::Skipped);
        CHECK(runtime.plugins().retry("fixture_good"));
        CHECK(runtime.plugins().usable("fixture_good"));
    }
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().start({}, guard);
    CHECK(runtime.plugins().usable("fixture_good"));
    CHECK(runtime.plugins().held_back_to_ask().empty());
}

TEST_CASE("--retry-plugin releases a held-back plugin at the start") {
    test::Headless ui;
    TempDir config, plugins;
    fs::copy_file(fixture("fixture_good"), plugins / "fixture_good.kplug");
    OnlyPluginsIn only(plugins.path());
    crash_while_starting(config.path(), fs::canonical(plugins / "fixture_good.kplug"));
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().start({.retry = {"fixture_good"}}, config.path());
    CHECK(runtime.plugins().usable("fixture_good"));
}

TEST_CASE("a held-back plugin is named by its id, not its file, --retry-plugin takes either, and answers a name it does not know") {
    test::Headless ui;
    TempDir config, plugins;
    fs::copy_file(fixture("fixture_good"), plugins / "gammal_kopia.kplug");  // a file named otherwise than its id
    OnlyPluginsIn only(plugins.path());
    fs::path file = fs::canonical(plugins / "gammal_kopia.kplug");
    auto held_back_start = [&](std::vector<std::string> retry = {}) {
        auto runtime = std::make_unique<Runtime>();
        runtime->messages().echo_to_stderr = false;
        runtime->plugins().start({.retry = std::move(retry)}, config.path());
        return runtime;
    };
    crash_while_starting(config.path(), file, "fixture_good", "Good fixture");
    {
        auto runtime = held_back_start();
        const PluginRecord* r = record(*runtime, "fixture_good");
        REQUIRE(r);
        CHECK(r->held_back);
        CHECK(r->name == "Good fixture");
        CHECK(record(*runtime, "gammal_kopia") == nullptr);
        REQUIRE(runtime->plugins().held_back_to_ask().size() == 1);
        CHECK(runtime->plugins().held_back_to_ask()[0].id == "fixture_good");
        CHECK(runtime->plugins().held_back_to_ask()[0].shown() == "Good fixture");
        CHECK(runtime->plugins().start_problems().empty());
    }
    {  // A name no held-back plugin has is said, with what is held back; the plugin stays out.
        auto runtime = held_back_start({"fixture_gud"});
        REQUIRE(runtime->plugins().start_problems().size() == 1);
        CHECK(runtime->plugins().start_problems()[0] ==
              "--retry-plugin fixture_gud: no plugin held back after a crash has that id or file name "
              "(held back: fixture_good (gammal_kopia.kplug))");
        CHECK(record(*runtime, "fixture_good")->held_back);
    }
    {  // By its id.
        auto runtime = held_back_start({"fixture_good"});
        CHECK(runtime->plugins().usable("fixture_good"));
        CHECK(runtime->plugins().start_problems().empty());
    }
    crash_while_starting(config.path(), file, "fixture_good", "Good fixture");
    for (const char* by_file : {"gammal_kopia.kplug", "gammal_kopia"}) {  // by its file's name
        CAPTURE(by_file);
        auto runtime = held_back_start({by_file});
        CHECK(runtime->plugins().usable("fixture_good"));
        CHECK(runtime->plugins().start_problems().empty());
        crash_while_starting(config.path(), file, "fixture_good", "Good fixture");
    }
    // Nothing held back: the name is still answered, not ignored.
    TempDir empty_config;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().start({.retry = {"fixture_good"}}, empty_config.path());
    REQUIRE(runtime.plugins().start_problems().size() == 1);
    CHECK(runtime.plugins().start_problems()[0].ends_with("(none is held back)"));
}

TEST_CASE("a marker of a kartla that is still starting is not taken for a crash, until it dies") {
    TempDir config;
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {  // a kartla busy starting a plugin
        PluginStartGuard(config.path()).starting("fixture_good", fixture("fixture_good"));
        char done = 1;
        (void)!::write(ready[1], &done, 1);
        ::pause();
        ::_exit(0);
    }
    char done = 0;
    REQUIRE(::read(ready[0], &done, 1) == 1);
    CHECK(PluginStartGuard(config.path()).collect_crashes().empty());
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    auto crashes = PluginStartGuard(config.path()).collect_crashes();
    REQUIRE(crashes.size() == 1);
    CHECK(crashes[0].id == "fixture_good");
    CHECK(crashes[0].path == fixture("fixture_good"));
    ::close(ready[0]);
    ::close(ready[1]);
}

TEST_CASE("the window asks after a crashed start: start without the plugin, or try again") {
    test::Headless ui;
    TempDir config, plugins;
    fs::copy_file(fixture("fixture_good"), plugins / "fixture_good.kplug");
    OnlyPluginsIn only(plugins.path());
    fs::path file = fs::canonical(plugins / "fixture_good.kplug");
    ui::Settings settings;

    crash_while_starting(config.path(), file);
    {
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().start({}, config.path());
        ui::Shell shell(runtime, settings);
        ui.set_ui([&] { shell.frame(); });
        ui.frame(3);
        REQUIRE(ui.has_item("core.plugin_crash.without"));
        ui.click_item("core.plugin_crash.without");
        ui.frame(2);
        CHECK(!ui.has_item("core.plugin_crash.without"));
        CHECK(!runtime.plugins().usable("fixture_good"));
        ui.set_ui({});
    }
    {  // Answered once: the next start leaves it out without asking again.
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().start({}, config.path());
        CHECK(record(runtime, "fixture_good")->status == PluginStatus::Skipped);
        CHECK(runtime.plugins().held_back_to_ask().empty());
        CHECK(runtime.plugins().retry("fixture_good"));
    }
    crash_while_starting(config.path(), file);
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().start({}, config.path());
    runtime.set_workshop(Workshop::in_memory());
    ui::Shell shell(runtime, settings);
    ui.set_ui([&] { shell.frame(); });
    ui.frame(3);
    REQUIRE(ui.has_item("core.plugin_crash.retry"));
    ui.click_item("core.plugin_crash.retry");
    ui.frame(3);
    CHECK(!ui.has_item("core.plugin_crash.retry"));
    CHECK(runtime.plugins().usable("fixture_good"));
    CHECK(runtime.workshop()->plugin_schema_version("fixture_good") == 1);
    shell.stage().show("fixture_good.view");
    ui.frame(2);
    CHECK(shell.stage().current() == "fixture_good.view");
    ui.set_ui({});
}

TEST_CASE("safe mode opens no plugin file, and --disable-plugin leaves out exactly one") {
    test::Headless ui;
    TempDir config, plugins;
    fs::copy_file(fixture("fixture_good"), plugins / "fixture_good.kplug");
    fs::copy_file(fixture("fixture_throws_in_draw"), plugins / "fixture_throws_in_draw.kplug");
    OnlyPluginsIn only(plugins.path());
    {
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().start({.safe_mode = true}, config.path());
        CHECK(runtime.plugins().safe_mode());
        CHECK(runtime.plugins().empty());
        ui::Settings settings;
        ui::Shell shell(runtime, settings);
        ui.set_ui([&] { shell.frame(); });
        ui.frame(2);
        CHECK(ui.has_item("core.safe_mode_note"));
        CHECK(shell.window_title().find("safe mode") != std::string::npos);
        ui.set_ui({});
    }
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().start({.disabled = {"fixture_throws_in_draw"}}, config.path());
    CHECK(runtime.plugins().usable("fixture_good"));
    const PluginRecord* off = record(runtime, "fixture_throws_in_draw");
    REQUIRE(off);
    CHECK(off->status == PluginStatus::Skipped);
    CHECK(off->message == "turned off for this start (--disable-plugin)");
    CHECK(!off->held_back);
}
