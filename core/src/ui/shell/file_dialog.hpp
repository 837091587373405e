#pragma once
// A small in-window file chooser: ImGui has none, and a native dialog would
// need a toolkit of its own on a projector laptop.
#include "kartla/api.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kartla::ui {

class KARTLA_API FileDialog {
public:
    enum class Purpose { Open, Create, SaveAs };
    using Done = std::function<void(const std::filesystem::path&)>;

    // extension like ".kartla"; for Create/SaveAs it is added when missing.
    // `folder`: where it opens (an export beside its workshop); empty: where it was last.
    void show(Purpose purpose, std::string title, std::string extension, Done done,
              std::string suggested_name = {}, const std::filesystem::path& folder = {});
    void draw();  // call every frame
    bool visible() const { return visible_; }

private:
    void list_folder();
    void accept(const std::filesystem::path& chosen);

    bool visible_ = false;
    bool opening_ = false;
    Purpose purpose_ = Purpose::Open;
    std::string title_, extension_, name_, error_;
    std::filesystem::path folder_;
    std::vector<std::filesystem::directory_entry> entries_;
    Done done_;
};

}  // namespace kartla::ui
