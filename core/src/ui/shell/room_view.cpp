#include "ui/shell/room_view.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace kartla::ui {

namespace {

// A control larger than this share of the view (a whole canvas, a table) says
// nothing about where the facilitator is: the plugin's own selection shows that.
constexpr float kLargestFocusShare = 0.25f;

// The colours of a pointer on a slide: strong orange, with a white rim that
// stays visible on dark cards.
constexpr ImU32 kMarkColour = IM_COL32(235, 110, 0, 255);
constexpr ImU32 kMarkRim = IM_COL32(255, 255, 255, 230);

// In the order ImGui itself paints them: the window, then its children.
void add_window(ImGuiWindow* window, std::vector<ImDrawList*>& lists) {
    if (!window->Active || window->Hidden) return;
    if (!window->DrawList->CmdBuffer.empty()) lists.push_back(window->DrawList);
    for (ImGuiWindow* child : window->DC.ChildWindows) add_window(child, lists);
}

void capture_pointer(const ImGuiContext& g, ImGuiWindow* window, MirroredView& view) {
    if (!g.HoveredWindow || g.HoveredWindow->RootWindow != window || !ImGui::IsMousePosValid()) return;
    view.has_pointer = true;
    view.pointer = g.IO.MousePos;
}

// The control in use right now (a field being typed in, a button held down): a
// control merely clicked some time ago would leave a stale frame on the room's screen.
void capture_focus(const ImGuiContext& g, ImGuiWindow* window, MirroredView& view) {
    ImGuiWindow* nav = g.NavWindow;
    if (!nav || nav->RootWindow != window || g.ActiveId == 0 || g.ActiveId != g.NavId) return;
    ImRect rect = ImGui::WindowRectRelToAbs(nav, nav->NavRectRel[g.NavLayer]);
    rect.ClipWith(window->Rect());
    float area = rect.GetWidth() * rect.GetHeight();
    if (area <= 0 || area > kLargestFocusShare * view.size.x * view.size.y) return;
    view.has_focus = true;
    view.focus_min = rect.Min;
    view.focus_max = rect.Max;
}

}  // namespace

MirroredView capture_view(const char* window_name) {
    MirroredView view;
    ImGuiWindow* window = ImGui::FindWindowByName(window_name);
    if (!window || !window->Active || window->Hidden) return view;
    add_window(window, view.lists);
    view.min = window->Pos;
    view.size = window->Size;
    view.font_pixels = ImGui::GetFontSize();
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    capture_pointer(g, window, view);
    capture_focus(g, window, view);
    return view;
}

namespace {
// Where a part of the view larger than the area starts: around the facilitator's
// control or pointer, else the view's top left; never past the view's edges.
float crop_start(float area, float scaled, float view_min, float scale, bool has_spot, float spot) {
    if (scaled <= area) return (area - scaled) * 0.5f;
    float start = has_spot ? area * 0.5f - (spot - view_min) * scale : 0.0f;
    return std::clamp(start, area - scaled, 0.0f);
}
}  // namespace

RoomLayout fit_view(const MirroredView& view, ImVec2 area_min, ImVec2 area_size, float least_pixels) {
    RoomLayout layout;
    layout.view_min = view.min;
    if (view.empty() || area_size.x <= 0 || area_size.y <= 0) return layout;
    layout.scale = std::min(area_size.x / view.size.x, area_size.y / view.size.y);
    if (least_pixels > 0 && view.font_pixels > 0) layout.scale = std::max(layout.scale, least_pixels / view.font_pixels);
    bool spot = view.has_focus || view.has_pointer;
    ImVec2 at = view.has_focus ? ImVec2((view.focus_min.x + view.focus_max.x) / 2, (view.focus_min.y + view.focus_max.y) / 2)
                               : view.pointer;
    layout.offset = ImVec2(area_min.x + crop_start(area_size.x, view.size.x * layout.scale, view.min.x, layout.scale, spot, at.x),
                           area_min.y + crop_start(area_size.y, view.size.y * layout.scale, view.min.y, layout.scale, spot, at.y));
    return layout;
}

ImDrawData mirror_draw_data(const MirroredView& view, const RoomLayout& layout, ImVec2 room_size,
                            ImVec2 framebuffer_scale) {
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = const_cast<ImDrawList**>(view.lists.data());
    data.CmdListsCount = int(view.lists.size());
    for (const ImDrawList* list : view.lists) {
        data.TotalVtxCount += list->VtxBuffer.Size;
        data.TotalIdxCount += list->IdxBuffer.Size;
    }
    // The renderer maps DisplayPos..DisplayPos+DisplaySize onto the whole framebuffer;
    // choosing them in console coordinates puts the view where the layout says.
    data.DisplayPos = ImVec2(layout.view_min.x - layout.offset.x / layout.scale,
                             layout.view_min.y - layout.offset.y / layout.scale);
    data.DisplaySize = ImVec2(room_size.x / layout.scale, room_size.y / layout.scale);
    data.FramebufferScale = ImVec2(layout.scale * framebuffer_scale.x, layout.scale * framebuffer_scale.y);
    return data;
}

namespace {
constexpr float kBasePixels = 20.0f;  // fonts.hpp: the text height at 100 %
constexpr float kLeastScale = 1.25f, kMostScale = 3.0f;
// Text that subtends this angle (about 17 minutes of arc) reads comfortably.
constexpr float kReadableAngle = 0.005f;
// The back row sits about six screen heights away, and in a meeting room never
// nearer than this however small the screen.
constexpr float kScreenHeightsAway = 6.0f, kNearestBackRowMm = 3500.0f;

// EDID data is often missing or made up (0, 1 cm, or a size whose shape is not
// the picture's); such sizes are not used.
bool plausible(int width_px, int height_px, int width_mm, int height_mm) {
    if (width_mm < 150 || height_mm < 100 || width_mm > 10000) return false;
    float shape_px = float(width_px) / float(height_px), shape_mm = float(width_mm) / float(height_mm);
    return std::abs(shape_px - shape_mm) / shape_px < 0.15f;
}
}  // namespace

float room_text_scale(int width_px, int height_px, int width_mm, int height_mm) {
    if (width_px <= 0 || height_px <= 0) return 1.5f;
    float pixels;
    if (plausible(width_px, height_px, width_mm, height_mm)) {
        float distance = std::max(kScreenHeightsAway * float(height_mm), kNearestBackRowMm);
        pixels = distance * kReadableAngle * float(height_px) / float(height_mm);
    } else {
        // Unknown size: as a share of the picture's height, 30 lines of text and spacing
        // on the screen whatever its resolution.
        pixels = float(height_px) / 36.0f;
    }
    return std::clamp(std::round(pixels / kBasePixels * 4.0f) / 4.0f, kLeastScale, kMostScale);
}

void draw_follow_marks(const MirroredView& view, const RoomLayout& layout) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    float font = ImGui::GetFontSize();
    if (view.has_focus) {
        ImVec2 min = layout.to_room(view.focus_min), max = layout.to_room(view.focus_max);
        float pad = font * 0.2f;
        min = ImVec2(min.x - pad, min.y - pad);
        max = ImVec2(max.x + pad, max.y + pad);
        dl->AddRect(min, max, kMarkRim, pad, 0, font * 0.35f);
        dl->AddRect(min, max, kMarkColour, pad, 0, font * 0.2f);
    }
    if (view.has_pointer) {
        ImVec2 at = layout.to_room(view.pointer);
        dl->AddCircle(at, font * 0.9f, kMarkRim, 40, font * 0.35f);
        dl->AddCircle(at, font * 0.9f, kMarkColour, 40, font * 0.2f);
    }
}

}  // namespace kartla::ui
