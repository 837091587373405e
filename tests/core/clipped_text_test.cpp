// Text cut to its box (ui::draw_clipped_text): a word wider than the line is cut with
// "…" and the words after it still go on below, never broken letter by letter.
#include "headless.hpp"
#include "kartla/widgets.hpp"

#include <doctest/doctest.h>

#include <cfloat>

using namespace kartla;

TEST_CASE("a word wider than its line is cut with an ellipsis, and the words after it go on below") {
    test::Headless ui;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const float size = font->FontSize;
    // Room for "polisen" on a line, not for "Socialförvaltningen".
    const float width = font->CalcTextSizeA(size, FLT_MAX, 0, "Socialförv").x;
    const char* text = "Socialförvaltningen och polisen";
    bool cut = false;
    const float height = ui::draw_clipped_text(nullptr, font, size, ImVec2(0, 0), 0, text, width, 5, &cut);
    CHECK(cut);  // the long word is cut, and says so (the whole text shows on hover and hold)
    // Three lines: "Socialförv…", "och", "polisen". Broken letter by letter it was four and
    // not cut; stopped at the long word it was one.
    CHECK(height == doctest::Approx(3 * size));

    // Where the whole text must show (no line limit), the long word is still broken, not lost.
    cut = false;
    const float whole = ui::draw_clipped_text(nullptr, font, size, ImVec2(0, 0), 0, text, width, 0, &cut);
    CHECK_FALSE(cut);
    CHECK(whole > 3 * size);
}
