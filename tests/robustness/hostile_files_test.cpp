// Hostile and broken files opened the way the window opens them: each is either
// refused with a message or shown, and no frame throws.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "temp_dir.hpp"
#include "ui/shell/shell.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

// Opens `file` in a headless window and draws a few frames; returns whether it opened.
bool open_in_window(const fs::path& file, std::string& error) {
    kartla::test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    bool opened = shell.open_file(file);
    error = shell.error_dialog();
    ui.set_ui([&] { shell.frame(); });
    ui.frame(3);  // throws, and so fails the test, if drawing meets what it cannot read
    return opened;
}

}  // namespace

TEST_CASE("every seed file of the open_workshop fuzz target opens or is refused, and never breaks a frame") {
    kartla::test::TempDir dir;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(KARTLA_FUZZ_DIR) / "corpus" / "open_workshop")) {
        CAPTURE(entry.path().filename().string());
        auto copy = dir / entry.path().filename().string();
        fs::copy_file(entry.path(), copy);
        std::string error;
        bool opened = open_in_window(copy, error);
        CHECK(opened == error.empty());
        ++files;
    }
    CHECK(files >= 5);
}

TEST_CASE("a tampered file whose core tables have another shape is refused as foreign when opened") {
    kartla::test::TempDir dir;
    auto file = dir / "other-shape.kartla";
    fs::copy_file(fs::path(KARTLA_FUZZ_DIR) / "corpus" / "open_workshop" / "other_shape.kartla", file);
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
        auto opened = Workshop::open(file, mode);
        REQUIRE(std::holds_alternative<OpenError>(opened));
        CHECK(std::get<OpenError>(opened).problem == OpenProblem::ForeignSchema);
        CHECK(std::get<OpenError>(opened).message.find("table `core_participant` declared differently") !=
              std::string::npos);
    }
}
