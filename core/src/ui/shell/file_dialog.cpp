#include "ui/shell/file_dialog.hpp"

#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace kartla::ui {

namespace fs = std::filesystem;

void FileDialog::show(Purpose purpose, std::string title, std::string extension, Done done, std::string suggested,
                      const fs::path& folder) {
    purpose_ = purpose;
    title_ = std::move(title);
    extension_ = std::move(extension);
    done_ = std::move(done);
    name_ = std::move(suggested);
    error_.clear();
    std::error_code ec;
    if (!folder.empty() && fs::is_directory(folder, ec)) folder_ = folder;
    if (folder_.empty()) folder_ = fs::current_path(ec);
    list_folder();
    visible_ = opening_ = true;
}

void FileDialog::list_folder() {
    entries_.clear();
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto& name = it->path().filename().string();
        if (name.starts_with(".")) continue;
        if (it->is_directory(ec) || it->path().extension() == extension_) entries_.push_back(*it);
    }
    std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        std::error_code e;
        bool da = a.is_directory(e), db = b.is_directory(e);
        return da != db ? da : a.path().filename() < b.path().filename();
    });
}

void FileDialog::accept(const fs::path& chosen) {
    fs::path path = chosen;
    if (purpose_ != Purpose::Open && path.extension() != extension_) path += extension_;
    std::error_code ec;
    if (purpose_ == Purpose::Open && !fs::is_regular_file(path, ec)) {
        error_ = widget_text("Choose an existing file.");
        return;
    }
    if (purpose_ == Purpose::Create && fs::exists(path, ec)) {
        error_ = widget_text("That file exists already; choose another name.");
        return;
    }
    visible_ = false;
    ImGui::CloseCurrentPopup();
    if (done_) done_(path);
}

void FileDialog::draw() {
    if (!visible_) return;
    const char* id = "###kartla.file_dialog";
    std::string title = title_ + id;
    if (opening_) {
        ImGui::OpenPopup(title.c_str());
        opening_ = false;
    }
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(display.x * 0.6f, display.y * 0.7f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open)) {
        visible_ = open && visible_;
        return;
    }
    ImGui::TextWrapped("%s", folder_.string().c_str());
    if (ImGui::Button("..")) {
        folder_ = folder_.parent_path();
        list_folder();
    }
    float list_height = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 3;
    ImGui::BeginChild("entries", ImVec2(0, list_height), true);
    for (const auto& entry : entries_) {
        std::error_code ec;
        bool folder = entry.is_directory(ec);
        std::string label = (folder ? "[ ] " : "") + entry.path().filename().string();
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (folder) {
                folder_ = entry.path();
                list_folder();
                break;
            }
            name_ = entry.path().filename().string();
            if (ImGui::IsMouseDoubleClicked(0)) accept(entry.path());
        }
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-1);
    // A file name, not workshop content: it is used when the dialog is confirmed, never saved as typed.
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type the name at once
    bool enter = ImGui::InputText("##name", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
    mark_item("file_dialog.name");
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
    bool ok = ImGui::Button(purpose_ == Purpose::Open ? widget_text("Open") : widget_text("Save")) || enter;
    mark_item("file_dialog.ok");
    ImGui::SameLine();
    bool cancel = ImGui::Button(widget_text("Cancel"));
    mark_item("file_dialog.cancel");
    if (cancel || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        visible_ = false;
        ImGui::CloseCurrentPopup();
    } else if (ok && !name_.empty()) {
        fs::path chosen = fs::path(name_).is_absolute() ? fs::path(name_) : folder_ / name_;
        accept(chosen);
    }
    ImGui::EndPopup();
    if (!open) visible_ = false;
}

}  // namespace kartla::ui
