#include "ui/shell/command_palette.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>

namespace kartla::ui {

std::string shortcut_text(const Shortcut& s) {
    if (!s.key) return {};
    std::string name;
    if (s.key >= keys::A && s.key <= keys::Z) name = std::string(1, char(s.key));
    else if (s.key == keys::Delete) name = "Del";
    else if (s.key == keys::F2) name = "F2";
    else if (s.key == keys::F5) name = "F5";
    else if (s.key == keys::F11) name = "F11";
    else if (s.key == keys::Enter) name = "Enter";
    else if (s.key == keys::Space) name = "Space";
    else if (s.key == keys::Equal) name = "+";
    else if (s.key == keys::Minus) name = "-";
    else if (s.key == keys::Digit0) name = "0";
    else name = fmt::format("#{}", s.key);
    return fmt::format("{}{}{}", s.ctrl ? "Ctrl+" : "", s.shift ? "Shift+" : "", name);
}

std::string fold_case(std::string_view in) {
    std::string out(in);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = char(c + 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            // U+00C0..U+00DE (À..Þ, not ×) are C3 80..C3 9E; lower case is 0x20 higher.
            auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = char(next + 0x20);
            ++i;
        }
    }
    return out;
}

std::vector<const PaletteCommand*> filter_commands(const std::vector<PaletteCommand>& commands, std::string_view query) {
    std::vector<std::string> words;
    std::string folded = fold_case(query);
    for (std::size_t start = 0; start < folded.size();) {
        auto end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    std::vector<const PaletteCommand*> out;
    for (const auto& command : commands) {
        std::string label = fold_case(command.label);
        if (std::all_of(words.begin(), words.end(), [&](const std::string& w) { return label.find(w) != std::string::npos; }))
            out.push_back(&command);
    }
    return out;
}

void CommandPalette::open(std::vector<PaletteCommand> commands) {
    commands_ = std::move(commands);
    visible_ = true;
    focus_ = true;
    query_.clear();
    buffer_[0] = 0;
    selected_ = 0;
}

void CommandPalette::draw(const char* title, const char* no_match) {
    if (!visible_) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float width = std::min(viewport->Size.x * 0.9f, ImGui::GetFontSize() * 34);
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + (viewport->Size.x - width) / 2, viewport->Pos.y + viewport->Size.y * 0.1f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowFocus();
    std::string window_title = fmt::format("{}###core.palette", title);
    bool open = true;
    ImGui::Begin(window_title.c_str(), &open,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    if (focus_) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##query", buffer_, sizeof buffer_)) selected_ = 0;
    mark_item("core.palette.query");
    query_ = buffer_;
    auto matches = filter_commands(commands_, query_);
    if (ImGui::IsKeyPressed(keys::Down)) selected_ = std::min(selected_ + 1, int(matches.size()) - 1);
    if (ImGui::IsKeyPressed(keys::Up)) selected_ = std::max(selected_ - 1, 0);
    const PaletteCommand* chosen = nullptr;
    if (ImGui::IsKeyPressed(keys::Enter, false) && !matches.empty()) chosen = matches[std::size_t(std::max(selected_, 0))];
    if (ImGui::IsKeyPressed(keys::Escape, false)) open = false;
    if (matches.empty()) ImGui::TextDisabled("%s", no_match);
    int shown = 0;
    for (std::size_t i = 0; i < matches.size() && shown < 12; ++i, ++shown) {
        const auto* command = matches[i];
        ImGui::BeginDisabled(!command->enabled);
        std::string label = fmt::format("{}##palette.{}", command->label, i);
        if (ImGui::Selectable(label.c_str(), int(i) == selected_)) chosen = command;
        mark_item(fmt::format("core.palette.item.{}", i));
        if (!command->shortcut.empty()) {
            ImGui::SameLine(width - ImGui::CalcTextSize(command->shortcut.c_str()).x - ImGui::GetStyle().WindowPadding.x * 2);
            ImGui::TextDisabled("%s", command->shortcut.c_str());
        }
        ImGui::EndDisabled();
    }
    ImGui::End();
    if (chosen && !chosen->enabled) chosen = nullptr;
    if (chosen || !open) visible_ = false;
    if (chosen) {
        auto run = chosen->run;  // the list may be replaced by the command
        run();
    }
}

}  // namespace kartla::ui
