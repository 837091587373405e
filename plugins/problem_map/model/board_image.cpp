#include "board_image.hpp"

#include "kartla/text_encode.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace kartla::problem_map {

namespace {

constexpr float kClusterHeader = 48;  // as on the board
constexpr float kMargin = 40;

struct Bounds {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    void grow(float ax, float ay, float bx, float by) {
        x0 = std::min(x0, ax), y0 = std::min(y0, ay), x1 = std::max(x1, bx), y1 = std::max(y1, by);
    }
};

void rgb(cairo_t* cr, std::uint32_t colour, double alpha = 1) {
    cairo_set_source_rgba(cr, (colour >> 16 & 255) / 255.0, (colour >> 8 & 255) / 255.0, (colour & 255) / 255.0, alpha);
}

void rounded(cairo_t* cr, double x, double y, double w, double h, double r) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

// Text wrapped into a box of `width`, cut with an ellipsis after `lines` lines.
void text(cairo_t* cr, const std::string& t, double x, double y, double width, double size, bool bold, int lines) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, int(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_height(layout, -lines);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    // Pango lays out nothing for ill-formed UTF-8, and a NUL ends the text: repair
    // first; no control or invisible format characters, and no more than the few
    // lines shown could hold (Pango's time grows with the text).
    const std::string shown = kartla::text::truncate_utf8(kartla::text::without_control_chars(t, true), 2000);
    pango_layout_set_text(layout, shown.c_str(), int(shown.size()));
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
}

// Level of detail, as on the board: text smaller than this many pixels in the
// picture cannot be read, and laying it out is most of the picture's cost.
constexpr double kLeastTextPixels = 4.0;

void draw_cluster(cairo_t* cr, const Cluster& c, double scale) {
    rounded(cr, c.x, c.y, c.w, c.h, 10);
    rgb(cr, 0xE4E7EE);
    cairo_fill_preserve(cr);
    rgb(cr, 0x8C96A8);
    cairo_set_line_width(cr, 2);
    cairo_stroke(cr);
    rgb(cr, 0x1E2430);
    if (24 * scale >= kLeastTextPixels) text(cr, c.name, c.x + 12, c.y + 10, c.w - 24, 24, true, 1);
}

// As on the board's "Show all": a card narrower than this many pixels is one rectangle,
// white, or the frame's blue when prioritised; its corners, frame and category strip
// would not show, and drawing them was most of the picture's cost on a large board.
constexpr double kLeastCardPixels = 6.0;

void draw_card(cairo_t* cr, const Snapshot& s, const Card& card, double scale) {
    if (kCardWidth * scale < kLeastCardPixels) {
        cairo_rectangle(cr, card.x, card.y, kCardWidth, kCardHeight);
        rgb(cr, card.hidden ? 0x464C58 : card.prioritised ? 0x1E5AC8 : 0xFFFFFF);
        cairo_fill(cr);
        return;
    }
    const Category* category = s.category(card.category_id);
    rounded(cr, card.x, card.y, kCardWidth, kCardHeight, 6);
    rgb(cr, card.hidden ? 0x464C58 : 0xFFFFFF);
    cairo_fill_preserve(cr);
    // Prioritised problems stand out as on the board: a thick dark frame.
    rgb(cr, card.prioritised ? 0x1E5AC8 : 0x9AA0AA);
    cairo_set_line_width(cr, card.prioritised ? 5 : 1.5);
    cairo_stroke(cr);
    if (card.hidden) return;
    cairo_rectangle(cr, card.x + 3, card.y + 3, kCardWidth - 6, 10);
    rgb(cr, category ? category->color : 0x808080);
    cairo_fill(cr);
    rgb(cr, 0x14141C);
    if (19 * scale >= kLeastTextPixels) text(cr, card.title, card.x + 12, card.y + 20, kCardWidth - 24, 19, false, 4);
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string board_png(const Snapshot& s, int max_width) {
    if (s.cards.empty()) return {};
    Bounds b;
    for (const auto& c : s.clusters) b.grow(c.x, c.y, c.x + c.w, c.y + std::max(c.h, kClusterHeader));
    for (const auto& c : s.cards) b.grow(c.x, c.y, c.x + kCardWidth, c.y + kCardHeight);
    const double world_w = b.x1 - b.x0 + 2 * kMargin, world_h = b.y1 - b.y0 + 2 * kMargin;
    const double scale = std::min(1.0, max_width / world_w);
    const int width = std::max(1, int(std::ceil(world_w * scale))), height = std::max(1, int(std::ceil(world_h * scale)));
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo: cannot create the board picture");
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    rgb(cr.get(), 0xF4F1EA);  // the board's paper colour
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    cairo_translate(cr.get(), kMargin - b.x0, kMargin - b.y0);
    for (const auto& c : s.clusters) draw_cluster(cr.get(), c, scale);
    for (const auto& c : s.cards) draw_card(cr.get(), s, c, scale);
    cairo_surface_flush(surface.get());
    std::string bytes;
    if (auto status = cairo_surface_write_to_png_stream(surface.get(), append, &bytes); status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cannot make the board picture: ") + cairo_status_to_string(status));
    return bytes;
}

}  // namespace kartla::problem_map
