#include "ui/widgets/fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace kartla::ui {

namespace {

// The font file's path; empty when it is in none of the folders.
std::string find_font(const char* file) {
    for (const char* dir : {"/usr/share/fonts/truetype/dejavu/", "/usr/local/share/fonts/truetype/dejavu/"}) {
        std::string found = std::string(dir) + file;
        std::error_code ec;
        if (std::filesystem::exists(found, ec)) return found;
    }
    return {};
}

const ImWchar* glyph_ranges() {
    // Latin-1 (å ä ö é), Latin Extended-A, punctuation (– — “ ” … •), arrows,
    // geometric shapes and a few symbols used in the boards.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2044, 0x20AC, 0x20AC,
                                     0x2190, 0x21FF, 0x2212, 0x2212, 0x25A0, 0x25FF, 0x2605, 0x2606,
                                     0x2713, 0x2717, 0xFFFD, 0xFFFD, 0};
    return ranges;
}

// The compact chrome's font: the last one built at the cap's size, when the content's is larger.
ImFont* chrome_font() {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.Size < 2) return nullptr;
    ImFont* last = atlas->Fonts.back();
    const float cap = kBaseFontPixels * kChromeScaleCap;
    if (last->FontSize != cap || atlas->Fonts[0]->FontSize <= cap) return nullptr;
    return last;
}

}  // namespace

bool compact_chrome() {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.Size == 0 || !chrome_font()) return false;
    return ImGui::GetMainViewport()->Size.y < kCompactLines * atlas->Fonts[0]->FontSize;
}

ChromeText::ChromeText() {
    if (!compact_chrome()) return;
    ImGui::PushFont(chrome_font());
    pushed_ = true;
}

ChromeText::~ChromeText() {
    if (pushed_) ImGui::PopFont();
}

float chrome_frame_height() {
    ChromeText text;
    return ImGui::GetFrameHeight();
}

std::string build_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    std::string regular = find_font("DejaVuSans.ttf");
    std::string message;
    if (!regular.empty()) {
        ImFontConfig config;
        config.OversampleH = 2;
        config.OversampleV = 1;
        io.Fonts->AddFontFromFileTTF(regular.c_str(), kBaseFontPixels * scale, &config, glyph_ranges());
        if (std::string bold = find_font("DejaVuSans-Bold.ttf"); !bold.empty())
            io.Fonts->AddFontFromFileTTF(bold.c_str(), kBaseFontPixels * scale * 1.25f, &config, glyph_ranges());
        if (scale > kChromeScaleCap)  // the compact chrome's text, last so the content's font stays the default
            io.Fonts->AddFontFromFileTTF(regular.c_str(), kBaseFontPixels * kChromeScaleCap, &config, glyph_ranges());
    } else {
        ImFontConfig config;
        config.SizePixels = 13.0f * scale;
        io.Fonts->AddFontDefault(&config);
        message = "The font DejaVu Sans was not found (install fonts-dejavu-core); using a basic font without å, ä, ö.";
    }
    io.Fonts->Build();
    return message;
}

}  // namespace kartla::ui
