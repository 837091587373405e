#pragma once
// The status bar's one line: the latest message on the left, the workshop's file
// on the right, never over each other at any text size.
#include <string>

namespace kartla::ui {

// Draws into the current window. The message comes first: the file takes what
// the message leaves, and at least 30 % of the width, cut at its start (the
// folder says less than the name); the message takes the rest, cut at its end. A cut text ends or starts with "…", and the
// whole of both is shown on hover and, for touch, in a popup on a click, which
// keeps the message it was opened on after the bar has moved on.
class StatusLine {
public:
    void draw(const std::string& message, const std::string& file);

private:
    std::string popup_message_, popup_file_;
};

// The longest start (or end) of text that fits in width with "…" added; text itself when it fits.
std::string fit_text_end(const std::string& text, float width);
std::string fit_text_start(const std::string& text, float width);

}  // namespace kartla::ui
