// The room view's text size follows the projector: its resolution, and its
// physical size when the system reports a believable one.
#include "ui/shell/room_view.hpp"

#include <doctest/doctest.h>

using kartla::ui::room_text_scale;

TEST_CASE("without a physical size the room's text grows with the projector's resolution") {
    CHECK(room_text_scale(1280, 720, 0, 0) == doctest::Approx(1.25));
    CHECK(room_text_scale(1920, 1080, 0, 0) == doctest::Approx(1.5));
    CHECK(room_text_scale(3840, 2160, 0, 0) == doctest::Approx(3.0));
    CHECK(room_text_scale(0, 0, 0, 0) == doctest::Approx(1.5));
}

TEST_CASE("a projected picture two metres wide gets text for a back row six screen heights away") {
    // 2000 x 1125 mm at 1080p: about 32 px text, 150-175 %.
    float scale = room_text_scale(1920, 1080, 2000, 1125);
    CHECK(scale >= 1.5f);
    CHECK(scale <= 1.75f);
}

TEST_CASE("a small screen at the end of a meeting room gets larger text than a projector of the same resolution") {
    float monitor = room_text_scale(1920, 1080, 531, 299);  // 24 inch
    float projector = room_text_scale(1920, 1080, 2000, 1125);
    CHECK(monitor > projector);
    CHECK(monitor <= 3.0f);
}

TEST_CASE("sizes the system made up are not used") {
    CHECK(room_text_scale(1920, 1080, 10, 10) == doctest::Approx(1.5));       // 1 cm
    CHECK(room_text_scale(1920, 1080, 1600, 1600) == doctest::Approx(1.5));   // square, for a wide picture
    CHECK(room_text_scale(1920, 1080, 160000, 90000) == doctest::Approx(1.5));  // 160 m
}
