#include "ui/shell/status_bar.hpp"

#include "kartla/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace kartla::ui {

namespace {

constexpr const char* kStatusEllipsis = "…";
constexpr float kFileShare = 0.3f;

float width_of(const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; }

// Byte offsets where a UTF-8 character starts, and the end.
std::vector<std::size_t> boundaries(const std::string& text) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
    out.push_back(text.size());
    return out;
}

// Largest number of characters n (kept from the start or the end) whose cut fits.
template <typename Cut>
std::string longest_fitting(const std::string& text, float width, Cut cut) {
    auto at = boundaries(text);
    std::size_t low = 0, high = at.size() - 1;
    while (low < high) {
        std::size_t mid = (low + high + 1) / 2;
        if (width_of(cut(at, mid)) <= width) low = mid;
        else high = mid - 1;
    }
    return cut(at, low);
}

// A message is one line on the bar; its line breaks show as spaces.
std::string one_line(std::string text) {
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return text;
}

}  // namespace

std::string fit_text_end(const std::string& text, float width) {
    if (width_of(text) <= width) return text;
    return longest_fitting(text, width, [&](const std::vector<std::size_t>& at, std::size_t n) {
        return text.substr(0, at[n]) + kStatusEllipsis;
    });
}

std::string fit_text_start(const std::string& text, float width) {
    if (width_of(text) <= width) return text;
    return longest_fitting(text, width, [&](const std::vector<std::size_t>& at, std::size_t n) {
        return kStatusEllipsis + text.substr(at[at.size() - 1 - n]);
    });
}

void StatusLine::draw(const std::string& message, const std::string& file) {
    const char* popup = "###core.status.full";
    float available = ImGui::GetContentRegionAvail().x;
    float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    std::string line = one_line(message);
    // The file gets what the message leaves, and at least its share when both are long.
    float file_room = std::max(available * kFileShare, available - width_of(line) - gap);
    std::string file_shown = file.empty() ? "" : fit_text_start(file, file_room);
    float file_width = file.empty() ? 0 : width_of(file_shown);
    std::string message_shown = fit_text_end(line, std::max(0.0f, available - file_width - gap));

    auto reachable = [&](bool cut) {  // the whole text on hover and on a click
        if (ImGui::IsItemHovered() && cut) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
            ImGui::TextUnformatted(message.c_str());
            if (!file.empty()) ImGui::TextDisabled("%s", file.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (ImGui::IsItemClicked()) {
            popup_message_ = message;
            popup_file_ = file;
            ImGui::OpenPopup(popup);
        }
    };
    float start_x = ImGui::GetCursorPosX();
    ImGui::TextUnformatted(message_shown.c_str());
    mark_item("core.status.message");
    reachable(message_shown != line);
    if (!file.empty()) {
        ImGui::SameLine(start_x + available - file_width);
        ImGui::TextDisabled("%s", file_shown.c_str());
        mark_item("core.status.file");
        reachable(file_shown != file);
    }
    if (ImGui::BeginPopup(popup)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
        ImGui::TextUnformatted(popup_message_.c_str());
        mark_item("core.status.full_message");
        if (!popup_file_.empty()) ImGui::TextDisabled("%s", popup_file_.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
    }
}

}  // namespace kartla::ui
