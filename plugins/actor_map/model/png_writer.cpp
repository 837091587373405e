#include "model/images.hpp"

#include "kartla/text_encode.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace kartla::actor_map {

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

void set_colour(cairo_t* cr, const Colour& c) { cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.alpha); }

void rounded_rect(cairo_t* cr, const RectShape& r) {
    double rad = std::min({r.radius, r.width / 2, r.height / 2});
    if (rad <= 0) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height);
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, r.x + r.width - rad, r.y + rad, rad, -M_PI / 2, 0);
    cairo_arc(cr, r.x + r.width - rad, r.y + r.height - rad, rad, 0, M_PI / 2);
    cairo_arc(cr, r.x + rad, r.y + r.height - rad, rad, M_PI / 2, M_PI);
    cairo_arc(cr, r.x + rad, r.y + rad, rad, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

void draw(cairo_t* cr, const RectShape& r) {
    rounded_rect(cr, r);
    if (r.filled) {
        set_colour(cr, r.fill);
        cairo_fill_preserve(cr);
    }
    if (r.stroke_width > 0) {
        set_colour(cr, r.stroke);
        cairo_set_line_width(cr, r.stroke_width);
        double dash[] = {r.stroke_width * 2.5, r.stroke_width * 1.5};
        cairo_set_dash(cr, dash, r.dashed ? 2 : 0, 0);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

void draw(cairo_t* cr, const LineShape& l) {
    if (l.points.size() < 2) return;
    cairo_move_to(cr, l.points[0].x, l.points[0].y);
    for (std::size_t i = 1; i < l.points.size(); ++i) cairo_line_to(cr, l.points[i].x, l.points[i].y);
    set_colour(cr, l.colour);
    cairo_set_line_width(cr, l.width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    double dash[] = {l.dash_on, l.dash_off};
    cairo_set_dash(cr, dash, l.dash_on > 0 ? 2 : 0, 0);
    cairo_stroke(cr);
    if (!l.arrow) return;
    auto head = arrow_head(l);
    if (head.empty()) return;
    cairo_move_to(cr, head[0].x, head[0].y);
    for (std::size_t i = 1; i < head.size(); ++i) cairo_line_to(cr, head[i].x, head[i].y);
    cairo_close_path(cr);
    cairo_fill(cr);
}

void draw(cairo_t* cr, const TextShape& t) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(font, t.size * PANGO_SCALE);
    if (t.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    // Pango refuses ill-formed UTF-8 (and NUL) with a warning and draws nothing, so
    // a name read from a damaged or foreign file would vanish from the image; the
    // text is what the SVG shows (no control or invisible format characters),
    // cut where no label could show more and Pango's time would only grow.
    const std::string shown = kartla::text::truncate_utf8(kartla::text::without_control_chars(t.text, false), 1000);
    pango_layout_set_text(layout, shown.c_str(), int(shown.size()));
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    double baseline = double(pango_layout_get_baseline(layout)) / PANGO_SCALE;
    double x = t.x;
    if (t.anchor == Anchor::Middle) x -= logical.width / 2.0;
    if (t.anchor == Anchor::End) x -= logical.width;
    set_colour(cr, t.colour);
    cairo_move_to(cr, x, t.y - baseline);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
}

}  // namespace

namespace {

std::unique_ptr<cairo_surface_t, SurfaceDeleter> render(const Scene& scene) {
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, scene.width, scene.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo: cannot create the image");
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    set_colour(cr.get(), scene.background);
    cairo_paint(cr.get());
    for (const auto& shape : scene.shapes) std::visit([&](const auto& s) { draw(cr.get(), s); }, shape);
    cairo_surface_flush(surface.get());
    return surface;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void write_png(const Scene& scene, const std::filesystem::path& out) {
    auto surface = render(scene);
    if (auto status = cairo_surface_write_to_png(surface.get(), out.c_str()); status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot write " + out.string() + ": " + cairo_status_to_string(status));
}

std::string png_bytes(const Scene& scene) {
    auto surface = render(scene);
    std::string bytes;
    if (auto status = cairo_surface_write_to_png_stream(surface.get(), append, &bytes); status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cannot make the PNG image: ") + cairo_status_to_string(status));
    return bytes;
}

}  // namespace kartla::actor_map
