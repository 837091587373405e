#pragma once
// The window as a Swedish facilitator has it, headless: the real plugins named,
// a new workshop open, probes on. Shared by the tests of issue 23's room fixes.
#include "headless.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>

namespace kartla::test {

struct SwedishWindow {
    TempDir dir;
    Headless ui{ImVec2(1600, 900)};
    Runtime runtime;
    ui::Settings settings;
    std::unique_ptr<ui::Shell> shell;

    explicit SwedishWindow(std::initializer_list<const char*> plugins) {
        runtime.messages().echo_to_stderr = false;
        for (const char* id : plugins)
            REQUIRE(runtime.plugins().load(std::filesystem::path(KARTLA_TEST_PLUGIN_DIR) / (std::string(id) + ".kplug")));
        settings.language = "sv";
        shell = std::make_unique<ui::Shell>(runtime, settings);
        REQUIRE(shell->create_file(dir / "möte.kartla"));
        ui::set_probes_enabled(true);
        ui.set_ui([this] { shell->frame(); });
        ui.frame(3);
    }
    ~SwedishWindow() { ui.set_ui({}); }
    SwedishWindow(const SwedishWindow&) = delete;
    SwedishWindow& operator=(const SwedishWindow&) = delete;

    int open_popups() const { return ImGui::GetCurrentContext()->OpenPopupStack.Size; }
    // Opens the export of `format`, types `target` as the file name and confirms with Enter.
    void export_to(const std::string& format, const std::filesystem::path& target) {
        shell->export_to(format);
        ui.frame(3);
        REQUIRE(ui.has_item("file_dialog.name"));
        ui.click_item("file_dialog.name");
        ImGui::GetIO().AddInputCharactersUTF8(target.c_str());
        ui.frame(2);
        ui.key(keys::Enter);  // the Enter that confirms the name must not also close the message
        ui.frame(3);
    }
};

}  // namespace kartla::test
