// Plugin isolation: where plugins may come from, and what a plugin that fails
// while drawing may not take down with it.
#include "scoped_env.hpp"
#include "must_open.hpp"
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <grp.h>
#include <imgui_internal.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

using namespace kartla;
using kartla::test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = KARTLA_TEST_FIXTURE_DIR;

class ScopedChdir {
public:
    explicit ScopedChdir(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
    ~ScopedChdir() { fs::current_path(old_); }

private:
    fs::path old_;
};

const PluginRecord* record(const Runtime& runtime, std::string_view id) {
    for (auto& plugin : runtime.plugins())
        if (plugin->id == id) return plugin.get();
    return nullptr;
}

bool loaded(const Runtime& runtime, std::string_view id) {
    auto* plugin = record(runtime, id);
    return plugin && plugin->status == PluginStatus::Loaded;
}

}  // namespace

TEST_CASE("a plugin planted in the current directory is never loaded") {
    TempDir cwd, data_home;
    fs::copy_file(kFixtures / "fixture_good.kplug", cwd / "fixture_good.kplug");
    fs::create_directories(cwd / "plugins");
    fs::copy_file(kFixtures / "fixture_good.kplug", cwd / "plugins" / "fixture_good.kplug");
    kartla::test::ScopedEnv hermetic_user_dir("XDG_DATA_HOME", data_home.path().string());
    ScopedChdir inside(cwd.path());

    for (std::string search_path : {"", ".", "./", "plugins", "./plugins", ".:plugins:", ":", "..//" }) {
        CAPTURE(search_path);
        kartla::test::ScopedEnv plugin_path("KARTLA_PLUGIN_PATH", search_path);
        for (auto& dir : PluginSet::default_dirs()) CHECK(dir.is_absolute());
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().load_all(PluginSet::default_dirs());
        CHECK_FALSE(loaded(runtime, "fixture_good"));
        CHECK(record(runtime, "fixture_good") == nullptr);  // not even tried
    }

    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({".", "plugins", ""});  // relative folders given directly
    CHECK(runtime.plugins().empty());
    CHECK_FALSE(runtime.plugins().load("fixture_good.kplug"));  // a relative file
    CHECK_FALSE(runtime.plugins().load("./plugins/fixture_good.kplug"));
    REQUIRE(record(runtime, "fixture_good") != nullptr);
    CHECK(record(runtime, "fixture_good")->message.find("absolute path") != std::string::npos);

    // The planted copy itself is a working plugin: named by its absolute path, it loads.
    Runtime control;
    control.messages().echo_to_stderr = false;
    CHECK(control.plugins().load(cwd / "fixture_good.kplug"));
}

TEST_CASE("a plugin in a folder writable by others, or itself writable by others, is refused with a message") {
    TempDir dir;
    fs::path open_dir = dir / "open";
    fs::create_directories(open_dir);
    fs::copy_file(kFixtures / "fixture_good.kplug", open_dir / "fixture_good.kplug");
    fs::permissions(open_dir, fs::perms::all);  // chmod 0777

    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({open_dir});
    auto* refused = record(runtime, "fixture_good");
    REQUIRE(refused != nullptr);
    CHECK(refused->status == PluginStatus::Failed);
    CHECK(refused->message.find("writable by every user") != std::string::npos);
    REQUIRE_FALSE(runtime.messages().entries.empty());
    CHECK(runtime.messages().entries.back().level == LogLevel::Error);
    CHECK(runtime.messages().entries.back().text.find("was not loaded") != std::string::npos);

    fs::path safe_dir = dir / "safe";
    fs::create_directories(safe_dir);
    fs::permissions(safe_dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    fs::copy_file(kFixtures / "fixture_good.kplug", safe_dir / "fixture_good.kplug");
    fs::permissions(safe_dir / "fixture_good.kplug", fs::perms::others_write, fs::perm_options::add);  // chmod o+w
    Runtime second;
    second.messages().echo_to_stderr = false;
    CHECK_FALSE(second.plugins().load(safe_dir / "fixture_good.kplug"));
    CHECK(record(second, "fixture_good")->message.find("writable by every user") != std::string::npos);

    // A symbolic link from a safe folder into the open one does not launder it.
    fs::remove(safe_dir / "fixture_good.kplug");
    fs::create_symlink(open_dir / "fixture_good.kplug", safe_dir / "fixture_good.kplug");
    Runtime third;
    third.messages().echo_to_stderr = false;
    CHECK_FALSE(third.plugins().load(safe_dir / "fixture_good.kplug"));

    fs::permissions(open_dir, fs::perms::owner_all);  // and once the folder is private, it loads
    Runtime fourth;
    fourth.messages().echo_to_stderr = false;
    CHECK(fourth.plugins().load(open_dir / "fixture_good.kplug"));
}

namespace {

// A group other than the test user's own private group, to give a folder to as
// root:users would be (issue 22); empty when this user can hand files to none.
std::optional<gid_t> shared_group() {
    if (::getuid() == 0)
        if (const struct group* users = ::getgrnam("users")) return users->gr_gid;
    gid_t groups[64];
    int n = ::getgroups(64, groups);
    for (int i = 0; i < n; ++i)
        if (groups[i] != ::getgid()) return groups[i];
    return std::nullopt;
}

}  // namespace

TEST_CASE("a plugin in a folder writable by its group, or itself writable by its group, is refused with the reason") {
    auto group = shared_group();
    if (!group) {
        MESSAGE("skipped: this user is in no group but its own, so it cannot make a group-shared folder");
        return;
    }
    const std::string group_name = ::getgrgid(*group)->gr_name;
    TempDir dir;
    fs::path shared = dir / "shared";
    fs::create_directories(shared);
    fs::copy_file(kFixtures / "fixture_good.kplug", shared / "fixture_good.kplug");
    REQUIRE(::chown(shared.c_str(), ::getuid(), *group) == 0);
    fs::permissions(shared, fs::perms::owner_all | fs::perms::group_all | fs::perms::others_read |
                                fs::perms::others_exec);  // chmod 775, as root:users 775 was

    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({shared});
    auto* refused = record(runtime, "fixture_good");
    REQUIRE(refused != nullptr);
    CHECK(refused->status == PluginStatus::Failed);
    CHECK(refused->message == fmt::format("{} is writable by its group ({}), not only by its owner",
                                          fs::canonical(shared).string(), group_name));
    REQUIRE_FALSE(runtime.messages().entries.empty());
    CHECK(runtime.messages().entries.back().text.find("was not loaded") != std::string::npos);

    // The file itself writable by its group (chmod 664 in a private folder) is refused the same way.
    fs::permissions(shared, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);  // chmod 755
    fs::path plugin = fs::canonical(shared / "fixture_good.kplug");
    REQUIRE(::chown(plugin.c_str(), ::getuid(), *group) == 0);
    fs::permissions(plugin, fs::perms::group_write, fs::perm_options::add);
    Runtime second;
    second.messages().echo_to_stderr = false;
    CHECK_FALSE(second.plugins().load(plugin));
    CHECK(record(second, "fixture_good")->message ==
          fmt::format("{} is writable by its group ({}), not only by its owner", plugin.string(), group_name));

    // Without group write, folder and file alike, it loads.
    fs::permissions(plugin, fs::perms::group_write, fs::perm_options::remove);
    Runtime third;
    third.messages().echo_to_stderr = false;
    CHECK(third.plugins().load(plugin));
}

TEST_CASE("group write is no danger in the owner's own private group: a umask of 002 does not lock plugins out") {
    const struct passwd* me = ::getpwuid(::getuid());
    const struct group* own = me ? ::getgrgid(me->pw_gid) : nullptr;
    if (!own || std::string(own->gr_name) != me->pw_name || (own->gr_mem && own->gr_mem[0])) {
        MESSAGE("skipped: this user has no private group of its own");
        return;
    }
    TempDir dir;
    fs::path folder = dir / "mine";
    fs::create_directories(folder);
    fs::copy_file(kFixtures / "fixture_good.kplug", folder / "fixture_good.kplug");
    REQUIRE(::chown(folder.c_str(), ::getuid(), me->pw_gid) == 0);
    REQUIRE(::chown((folder / "fixture_good.kplug").c_str(), ::getuid(), me->pw_gid) == 0);
    fs::permissions(folder, fs::perms::group_write, fs::perm_options::add);
    fs::permissions(folder / "fixture_good.kplug", fs::perms::group_write, fs::perm_options::add);
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    CHECK(runtime.plugins().load(folder / "fixture_good.kplug"));
}

TEST_CASE("a plugin that throws while drawing is turned off, the frame, the workshop and other plugins go on") {
    TempDir dir;
    kartla::test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    REQUIRE(runtime.plugins().load(kFixtures / "fixture_good.kplug"));
    REQUIRE(runtime.plugins().load(kFixtures / "fixture_throws_in_draw.kplug"));
    runtime.set_workshop(kartla::test::must(Workshop::create(dir / "w.kartla")));
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    ui.set_ui([&] { shell.frame(); });
    shell.stage().show("fixture_throws_in_draw.view");

    ui.frame();  // draws the failing view: it throws inside a child window and a table
    ImGuiContext& g = *ui.context();
    auto* failed = record(runtime, "fixture_throws_in_draw");
    REQUIRE(failed != nullptr);
    CHECK(failed->status == PluginStatus::Disabled);
    CHECK(failed->message.find("drawing failed on purpose") != std::string::npos);
    CHECK_FALSE(runtime.plugins().usable("fixture_throws_in_draw"));
    // ImGui::Render() ran (ui.frame() calls it) and left no stack behind.
    CHECK(g.FrameCountEnded == g.FrameCount);
    CHECK(g.CurrentWindowStack.Size == 0);
    CHECK(g.CurrentTable == nullptr);
    CHECK(g.ColorStack.Size == 0);
    CHECK(g.StyleVarStack.Size == 0);
    CHECK(g.BeginPopupStack.Size == 0);

    ui.frame(10);  // the next frames too
    CHECK(g.FrameCountEnded == g.FrameCount);
    CHECK(g.CurrentWindowStack.Size == 0);
    CHECK(ImGui::FindWindowByName("Throws in draw###fixture_throws_in_draw.view")->Active == false);

    // The good plugin still works: its button adds a row.
    CHECK(runtime.plugins().usable("fixture_good"));
    shell.stage().show("fixture_good.view");
    ui.frame(2);
    ImGuiWindow* good = ImGui::FindWindowByName("Good fixture###fixture_good.view");
    REQUIRE(good != nullptr);
    CHECK(good->Active);
    ImVec2 button = good->DC.CursorStartPos;
    ui.click(ImVec2(button.x + 10, button.y + ImGui::GetFrameHeight() / 2));
    CHECK(runtime.workshop()->db().scalar_int("SELECT count(*) FROM fixture_good_thing") == 1);

    // And the workshop panel too.
    shell.stage().show("core.workshop");
    ui.frame(2);
    ui.click_item("workshop.add_participant");
    ui.frame(2);
    CHECK(core_data::participants(runtime.workshop()->db()).size() == 1);
    CHECK(runtime.workshop()->undo().ok);
    CHECK(core_data::participants(runtime.workshop()->db()).empty());
}

TEST_CASE("a plugin that throws while starting is not loaded, and the next one is") {
    kartla::test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    CHECK_FALSE(runtime.plugins().load(kFixtures / "fixture_throws_in_create.kplug"));
    CHECK(runtime.plugins().load(kFixtures / "fixture_good.kplug"));
    CHECK(runtime.plugins().usable("fixture_good"));
    CHECK_FALSE(runtime.plugins().usable("fixture_throws_in_create"));
}
