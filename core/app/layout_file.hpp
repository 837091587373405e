#pragma once
// For end-to-end tests: with KARTLA_LAYOUT_FILE set, the window writes where
// it drew the marked items (the view bar, toolbars, cards, the legend, the
// clock) and a few states after every frame that changed them, so a test
// checks the layout from the program rather than guessing from pixels.
#include <string>

namespace kartla::ui {
class Shell;
struct Settings;
}

namespace kartla::gui {

class LayoutFile {
public:
    LayoutFile();  // reads KARTLA_LAYOUT_FILE; does nothing without it
    bool enabled() const { return !path_.empty(); }
    void begin_frame() const;  // probes tell what this frame drew
    void write(ui::Shell& shell, const ui::Settings& settings, int window_width, int window_height);

private:
    std::string path_;
    std::string last_;
};

}  // namespace kartla::gui
