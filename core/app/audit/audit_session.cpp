#include "audit_session.hpp"

#include "host/context_data.hpp"
#include "host/paths.hpp"
#include "host/runtime.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "text/i18n.hpp"
#include "theme.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/shell/room_view.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cfloat>
#include <regex>
#include <map>
#include <memory>
#include <ostream>

namespace kartla::audit {

namespace fs = std::filesystem;

namespace {

constexpr int kSettleFrames = 3;  // ImGui lays out tables and auto-sized windows over a couple of frames
constexpr float kRoomLeastPixels = 28.0f;  // on a 1080-line screen, from the back of the room
const ImTextureID kFontTexture = reinterpret_cast<ImTextureID>(std::intptr_t(1));

struct Context {
    ImGuiContext* context = ImGui::CreateContext();  // current only if it is the first
    Context() {
        context->IO.IniFilename = nullptr;
        // As the OpenGL 3 renderer: large draw lists (a board of many cards) use vertex offsets.
        context->IO.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    }
    ~Context() { ImGui::DestroyContext(context); }
};

// What to call a view in the summary and its picture's file.
std::string file_name(const std::string& view) {
    std::string out;
    for (std::size_t i = 0; i < view.size(); ++i) {
        unsigned char c = view[i];
        if (std::isalnum(c) || c == '.' || c == '-') out += char(c);
        else if (c == 0xC3 && i + 1 < view.size()) {  // å ä ö Å Ä Ö é; × and the rest: _
            unsigned char n = view[++i];
            out += (n == 0xA5 || n == 0xA4 || n == 0x85 || n == 0x84) ? 'a' : (n == 0xB6 || n == 0x96) ? 'o'
                   : n == 0xA9                                        ? 'e'
                                                                      : '_';
        } else if (c < 0x80) out += '_';
    }
    return out;
}

void build_context_fonts(float scale) {
    ui::build_fonts(scale);
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    io.Fonts->SetTexID(kFontTexture);
    gui::apply_theme(scale, "light");
}

std::vector<ScrollInfo> scrolls_of(const ImDrawData& data) {
    std::map<const ImDrawList*, ScrollInfo> by_list;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        ScrollInfo& info = by_list[w->DrawList];
        for (ImGuiWindow* a = w; a; a = (a->Flags & ImGuiWindowFlags_ChildWindow) ? a->ParentWindow : nullptr) {
            ImVec4 edges(a->InnerClipRect.Min.x, a->InnerClipRect.Min.y, a->InnerClipRect.Max.x, a->InnerClipRect.Max.y);
            // Only a range someone can reach: a window wider than its content without a
            // horizontal scrollbar (presentation, a panel) cuts what runs past its edge.
            if (a->ScrollMax.x > 0 && a->ScrollbarX) info.x.push_back(edges);
            if (a->ScrollMax.y > 0) info.y.push_back(edges);
        }
    }
    std::vector<ScrollInfo> out;
    for (int i = 0; i < data.CmdListsCount; ++i) {
        auto found = by_list.find(data.CmdLists[i]);
        out.push_back(found == by_list.end() ? ScrollInfo{} : found->second);
    }
    return out;
}

// Text fields (widgets.cpp), canvases that pan (marked "scrolls.…" by their view)
// and tab bars too long for their width (their tabs scroll, with arrows).
std::vector<ImVec4> scrolling_areas() {
    std::vector<ImVec4> out;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n)
        if (ImGuiTabBar* bar = g.TabBars.TryGetMapData(n))
            if (bar->CurrFrameVisible == g.FrameCount && bar->WidthAllTabsIdeal > bar->BarRect.GetWidth())
                out.emplace_back(bar->BarRect.Min.x, bar->BarRect.Min.y, bar->BarRect.Max.x, bar->BarRect.Max.y);
    ui::for_each_probe([&](const std::string& key, ImVec2 min, ImVec2 max) {
        if (key.rfind("text_field.", 0) == 0 || key.rfind("scrolls.", 0) == 0) out.emplace_back(min.x, min.y, max.x, max.y);
    });
    return out;
}

// UI strings that have Swedish: shown as they are on a Swedish screen, they are English.
std::set<std::string> strings_with_swedish() {
    Translations sv;
    sv.load(paths::asset_dir() / "i18n", "sv");
    std::set<std::string> out;
    sv.for_each([&](const std::string& msgid, const std::string& text) {
        if (!text.empty() && text != msgid) out.insert(ui_text_key(msgid));
    });
    return out;
}

class Session {
public:
    Session(const AuditOptions& options, std::string label, std::vector<Shot>& shots)
        : options_(options), label_(std::move(label)), shots_(shots) {
        share_context_data(room_.context, console_.context);  // the room draws with the console's state
        runtime_ = std::make_unique<Runtime>();
        runtime_->messages().echo_to_stderr = false;

        runtime_->plugins().load_all(options.plugin_dirs.empty() ? PluginSet::default_dirs() : options.plugin_dirs);
        shell_ = std::make_unique<ui::Shell>(*runtime_, settings_);
        shell_->give_plugins_text_scale();
        watch_translations();
        ui::set_probes_enabled(true);
    }

    ~Session() {
        ui::set_probes_enabled(false);
        shell_.reset();
        runtime_.reset();
    }

    // Plugins that did not load are said: their views are not audited.
    std::string plugin_problems() const {
        std::string out;
        for (const auto& p : runtime_->plugins())
            if (p->status != PluginStatus::Loaded)
                out += "kartla: the plugin " + p->id + " (" + p->path.string() + ") is not audited: " + p->message + "\n";
        return out;
    }

    std::string open(const fs::path& workshop, const fs::path& scratch) {
        bool opened = workshop.empty() ? shell_->create_file(scratch / "empty.kartla") : shell_->open_file(workshop);
        if (!opened) return "cannot open " + workshop.string() + ": " + shell_->error_dialog();
        return {};
    }

    void run(const Configuration& c) {
        configure(c);
        // A meeting in progress: the agenda's countdown runs, as the room sees it during a meeting.
        if (!meeting_started_ && !shell_->agenda().runner().steps().empty()) {
            shell_->agenda().toggle_timer();
            frames(kSettleFrames);
        }
        meeting_started_ = true;
        for (const auto& view : main_views()) {
            settings_.current_view = view.spec.key;
            frames(kSettleFrames);
            shoot(view.spec.key);
            shoot_drawer(view.spec.key);
            walk_tabs(view.spec.key);
            shoot_presentation(view.spec.key);
            shoot_room(view.spec.key);
        }
        shoot_closed_side_views();
    }

private:
    std::vector<Tagged<ViewSpec>> main_views() const {
        std::vector<Tagged<ViewSpec>> out;
        for (const auto& v : runtime_->registry().views())
            if (v.spec.placement == ViewPlacement::Main && runtime_->plugins().usable(v.plugin_id)) out.push_back(v);
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.spec.order < b.spec.order; });
        return out;
    }

    // Notes every UI string asked for that has no translation in the language shown:
    // between the runtime and the shell, which stays the one that translates.
    struct WatchedFrontend final : Frontend {
        Frontend* shown = nullptr;
        std::set<std::string>* untranslated = nullptr;
        const char* translate_in(std::string_view component, const char* msgid) override {
            const char* text = shown->translate_in(component, msgid);
            if (text == msgid) untranslated->insert(ui_text_key(msgid));
            return text;
        }
        float ui_scale() override { return shown->ui_scale(); }
        void show_view(std::string_view key) override { shown->show_view(key); }
    };

    void watch_translations() {
        watched_.shown = &runtime_->frontend();
        watched_.untranslated = &untranslated_;
        runtime_->set_frontend(&watched_);
        ui::set_widget_translator([this](const char* msgid) { return watched_.translate_in("core", msgid); });
    }

    void configure(const Configuration& c) {
        config_ = c;
        ImGui::SetCurrentContext(console_.context);
        settings_.language = c.language;
        shell_->set_language(c.language);
        settings_.text_scale = float(c.percent) / 100.0f;
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(float(c.width), float(c.height));
        build_context_fonts(shell_->drawn_text_scale());
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        ImGui::SetCurrentContext(room_.context);
        build_context_fonts(ui::room_text_scale(c.width, c.height, 0, 0));
        ImGui::GetIO().DisplaySize = io.DisplaySize;
        ImGui::SetCurrentContext(console_.context);
        english_.clear();
        untranslated_.clear();
        if (c.language == "sv") english_ = strings_with_swedish();
        frames(kSettleFrames);  // the new fonts and language settle, and untranslated strings show up
    }

    // As the window does: the fonts are rebuilt between frames when the shell asks (presentation mode).
    void frames(int count) {
        for (int i = 0; i < count; ++i) {
            if (shell_->fonts_dirty()) {
                build_context_fonts(shell_->drawn_text_scale());
                shell_->fonts_rebuilt();
            }
            ui::clear_probes();
            ImGui::NewFrame();
            shell_->frame();
            ImGui::Render();
        }
    }

    void press(int key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        frames(1);
        io.KeysDown[key] = false;
    }

    CheckRules rules(const ImDrawData& data, float least_pixels) {
        CheckRules r;
        r.display = ImVec2(float(config_.width), float(config_.height));
        r.list_scrolls = scrolls_of(data);
        r.scrolling_areas = scrolling_areas();
        if (config_.language == "sv") {
            english_shown_ = english_;
            english_shown_.insert(untranslated_.begin(), untranslated_.end());
            r.english = &english_shown_;
        }
        r.least_pixels = least_pixels;
        return r;
    }

    float room_least_pixels() const { return kRoomLeastPixels * float(config_.height) / 1080.0f; }

    bool wanted(const std::string& view) const {
        return options_.views.empty() || std::regex_search(view, std::regex(options_.views));
    }

    void shoot(const std::string& view, float least_pixels = 0) {
        if (!wanted(view)) return;
        const ImDrawData& data = *ImGui::GetDrawData();
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        DrawScan scan = scan_draw_data(data, atlas);
        Painting painting = paint({{&data, &scan, &atlas}}, config_.width, config_.height,
                                  ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
        record(view, check_layer(scan, painting.overlaps, 0, rules(data, least_pixels)), painting.picture);
    }

    void record(const std::string& view, std::vector<Defect> defects, const Picture& picture) {
        shots_.push_back({label_, config_, view, std::move(defects)});
        if (!options_.picture_percents.count(config_.percent)) return;
        fs::path folder = options_.out / file_name(label_) / config_.name();
        fs::create_directories(folder);
        fs::path file = folder / (file_name(view) + ".png");
        stbi_write_png(file.c_str(), picture.width, picture.height, 3, picture.rgb.data(), picture.width * 3);
    }

    // Where the side column is a drawer over the stage: the view with the drawer open.
    void shoot_drawer(const std::string& key) {
        ImVec2 min, max;
        if (!ui::item_rect("core.view_bar.drawer", min, max)) return;
        shell_->stage().set_drawer_open(true);
        frames(kSettleFrames);
        shoot(key + "+side panels");
        shell_->stage().set_drawer_open(false);
        frames(kSettleFrames);
    }

    // Each tab of each tab bar the view drew, one at a time, then back to the first.
    void walk_tabs(const std::string& key) {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        ImGuiWindow* window = ImGui::FindWindowByName(("###" + key).c_str());
        if (!window) return;
        std::vector<ImGuiID> bars;
        for (int n = 0; n < g.TabBars.GetMapSize(); ++n)
            if (ImGuiTabBar* bar = g.TabBars.TryGetMapData(n))
                if (bar->CurrFrameVisible == g.FrameCount && bar->Tabs.Size > 1 && window->Rect().Contains(bar->BarRect))
                    bars.push_back(bar->ID);
        for (ImGuiID id : bars) {
            ImGuiTabBar* bar = g.TabBars.GetByKey(id);
            ImGuiID first = bar->SelectedTabId;
            std::vector<std::pair<ImGuiID, std::string>> tabs;
            for (const ImGuiTabItem& tab : bar->Tabs)
                if (tab.ID != first && !(tab.Flags & ImGuiTabItemFlags_Button)) tabs.emplace_back(tab.ID, bar->GetTabName(&tab));
            for (const auto& [tab, name] : tabs) {
                if (!(bar = g.TabBars.GetByKey(id))) break;
                bar->NextSelectedTabId = tab;
                frames(kSettleFrames);
                shoot(key + "/" + ui_text_key(name));
            }
            if ((bar = g.TabBars.GetByKey(id))) bar->NextSelectedTabId = first;
            frames(kSettleFrames);
        }
    }

    // F5: the view alone, as the room sees it on this screen.
    void shoot_presentation(const std::string& key) {
        press(keys::F5);
        frames(kSettleFrames);
        if (shell_->presenting()) shoot("presentation:" + key, room_least_pixels());
        press(keys::F5);
        frames(kSettleFrames);
    }

    // The room's screen (a projector of the same size): its own context and fonts,
    // the view's room drawing or the console's picture scaled to fit.
    void shoot_room(const std::string& key) {
        if (!wanted("room:" + key)) return;
        frames(1);
        ui::MirroredView view = ui::capture_view(shell_->main_view_window().c_str());
        ImDrawData console_lists;
        console_lists.CmdLists = view.lists.data();
        console_lists.CmdListsCount = int(view.lists.size());
        CheckRules console_rules = rules(console_lists, room_least_pixels());
        ImFontAtlas& console_atlas = *ImGui::GetIO().Fonts;

        ImGui::SetCurrentContext(room_.context);
        // The room's screen redraws every frame as the console's does: settled, as the console's
        // shots are (a child window learns its scroll range only after its first frame).
        ui::RoomLayout layout;
        for (int i = 0; i < kSettleFrames; ++i) {
            ui::clear_probes();
            ImGui::NewFrame();
            layout = shell_->draw_room(view);
            ImGui::Render();
        }
        const ImDrawData& room_data = *ImGui::GetDrawData();
        ImFontAtlas& room_atlas = *ImGui::GetIO().Fonts;
        ImVec2 size(float(config_.width), float(config_.height));
        ImDrawData mirror = ui::mirror_draw_data(view, layout, size);
        DrawScan mirror_scan = scan_draw_data(mirror, console_atlas), room_scan = scan_draw_data(room_data, room_atlas);
        std::vector<Layer> layers;
        if (layout.mirror) layers.push_back({&mirror, &mirror_scan, &console_atlas});
        layers.push_back({&room_data, &room_scan, &room_atlas});
        Painting painting = paint(layers, config_.width, config_.height, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
        CheckRules room_rules = rules(room_data, room_least_pixels());
        console_rules.display = size;
        auto to_room = [&](ImVec4& r) {
            ImVec2 min = layout.to_room(ImVec2(r.x, r.y)), max = layout.to_room(ImVec2(r.z, r.w));
            r = ImVec4(min.x, min.y, max.x, max.y);
        };
        for (ImVec4& area : console_rules.scrolling_areas) to_room(area);
        // A part of the view, enlarged to be read: its edges move with the facilitator's work, as a scrolled view's.
        if (view.size.x * layout.scale > size.x + 1 || view.size.y * layout.scale > size.y - layout.offset.y + 1)
            console_rules.scrolling_areas.emplace_back(0.0f, layout.offset.y, size.x, size.y);
        for (ScrollInfo& scroll : console_rules.list_scrolls) {
            for (ImVec4& e : scroll.x) to_room(e);
            for (ImVec4& e : scroll.y) to_room(e);
        }
        std::vector<Defect> defects;
        if (layout.mirror) defects = check_layer(mirror_scan, painting.overlaps, 0, console_rules);
        auto own = check_layer(room_scan, painting.overlaps, int(layers.size()) - 1, room_rules);
        defects.insert(defects.end(), own.begin(), own.end());
        ImGui::SetCurrentContext(console_.context);
        record("room:" + key, std::move(defects), painting.picture);
    }

    // Side views closed at first start (the meeting notes): opened once, beside a main view.
    void shoot_closed_side_views() {
        for (const auto& v : runtime_->registry().views()) {
            if (v.spec.placement != ViewPlacement::Side || v.spec.open_by_default || !runtime_->plugins().usable(v.plugin_id))
                continue;
            settings_.open_views[v.spec.key] = true;
            shell_->stage().show(v.spec.key);
            frames(kSettleFrames);
            shoot("side:" + v.spec.key);
            settings_.open_views[v.spec.key] = false;
        }
    }

    const AuditOptions& options_;
    std::string label_;
    std::vector<Shot>& shots_;
    Context console_;  // first: the plugins check that they share it
    Context room_;
    ui::Settings settings_;
    std::unique_ptr<Runtime> runtime_;
    std::unique_ptr<ui::Shell> shell_;
    Configuration config_;
    bool meeting_started_ = false;
    std::set<std::string> english_, untranslated_, english_shown_;
    WatchedFrontend watched_;
};

}  // namespace

std::string Configuration::name() const {
    return language + "-" + std::to_string(width) + "x" + std::to_string(height) + "-" + std::to_string(percent);
}

std::string audit_workshop(const AuditOptions& options, const std::string& label, const fs::path& workshop,
                           const fs::path& scratch, std::vector<Shot>& shots, std::ostream& notes) {
    Session session(options, label, shots);
    notes << session.plugin_problems();
    if (auto error = session.open(workshop, scratch); !error.empty()) return error;
    for (const Configuration& c : options.configurations) session.run(c);
    return {};
}

}  // namespace kartla::audit
