#include "ui/panels/phones_panel.hpp"

#include "host/paths.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>

namespace kartla::ui {

namespace {

// Text drawn larger than the current font, for the back row; smaller than
// asked when the line would not fit, so it is never cut (300 % beside the agenda).
void big_text(const std::string& text, float scale, ImU32 colour) {
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize() * scale;
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    const float room = ImGui::GetContentRegionAvail().x;
    if (extent.x > room && room > 1.0f) {
        size *= room / extent.x;
        extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, size, at, colour, text.c_str());
    ImGui::Dummy(extent);
}

}  // namespace

PhonesPanel::PhonesPanel(Runtime& runtime, phones::PhoneRoom& room) : runtime_(runtime), room_(room) {}

void PhonesPanel::open_joining() {
    if (!runtime_.workshop()) return;
    if (interfaces_.empty()) interfaces_ = phones::network_interfaces();
    phones::ServerOptions options;
    options.page_dir = paths::asset_dir() / "phones";
    if (chosen_interface_ >= 0 && chosen_interface_ < int(interfaces_.size()))
        options.bind = interfaces_[std::size_t(chosen_interface_)].address;
    // Tests keep the server on loopback whatever network the machine has.
    if (const char* bind = std::getenv("KARTLA_PHONES_BIND"); bind && *bind) options.bind = bind;
    problem_.clear();
    if (!room_.open(options, &problem_)) return;
    qr_ = phones::qr_code(server().qr_text());
    check_reachable();
    runtime_.messages().post(LogLevel::Info, fmt::format("{} {}", runtime_.translate("Phones can join at"), server().url()));
}

void PhonesPanel::close_joining() {
    if (!room_.open_now()) return;
    room_.close();
    runtime_.messages().post(LogLevel::Info, runtime_.translate("Joining is closed."));
}

// The server answers its own address: what can be tested from here. Whether the
// phones reach it depends on the network (a guest Wi-Fi may keep devices apart).
void PhonesPanel::check_reachable() {
    httplib::Client client(server().bind_address(), server().port());
    client.set_connection_timeout(1, 0);
    client.set_read_timeout(1, 0);
    auto answer = client.Get("/");
    reachable_ = answer && answer->status == 200 ? "ok" : "no";
}

void PhonesPanel::draw_join_code(float size, bool room) {
    if (qr_.size <= 0) return;
    // A quiet zone of four modules, light around dark, as scanners expect.
    const int modules = qr_.size + 8;
    const float module = std::floor(size / float(modules));
    const float side = module * float(modules);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr_.size; ++y)
        for (int x = 0; x < qr_.size; ++x)
            if (qr_.at(x, y)) {
                ImVec2 a(at.x + float(x + 4) * module, at.y + float(y + 4) * module);
                draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(side, side));
    mark_item("core.phones.qr");
    // Beside the code when there is room for the address, else below it.
    if (width - side > side * 1.2f) ImGui::SameLine();
    ImGui::BeginGroup();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    // The room reads it from the back row: everything larger there.
    const float label = room ? 1.6f : 1.0f;
    big_text(runtime_.translate("Scan the code, or open this address:"), label, ink);
    big_text(server().short_address(), room ? 3.0f : 2.0f, ink);
    big_text(runtime_.translate("and type the code:"), label, ink);
    big_text(server().code(), room ? 4.0f : 2.5f, ink);
    mark_item("core.phones.code");
    ImGui::Spacing();
    big_text(fmt::format("{} {}", server().phones_connected(), runtime_.translate("phones connected")), room ? 2.0f : 1.5f, ink);
    ImGui::EndGroup();
}

void PhonesPanel::draw() {
    if (!runtime_.workshop()) return hint(runtime_.translate("No workshop is open."));
    ImGui::PushTextWrapPos(0.0f);
    if (!room_.open_now()) {
        draw_closed();
        ImGui::PopTextWrapPos();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    draw_join_code(std::min(avail.x * 0.45f, avail.y * 0.7f), false);
    if (big_button(runtime_.translate("Close joining"))) close_joining();
    mark_item("core.phones.close");
    ImGui::TextUnformatted(server().url().c_str());
    if (reachable_ == "no")
        field_error(runtime_.translate("kartla cannot reach its own address: check the network, or use the laptop's hotspot."));
    hint(runtime_.translate("If phones cannot open the page, the guest network keeps devices apart: switch on the "
                            "laptop's own hotspot, let the phones join it, and open joining again."));
    hint(runtime_.translate("Plain HTTP: anyone on this network can read what the phones send. Ask the room not to "
                            "write names or personal data; every phone text is checked like text typed here."));
    ImGui::PopTextWrapPos();
}

void PhonesPanel::draw_closed() {
    ImGui::TextUnformatted(runtime_.translate(
        "Participants add problem cards and vote from their own phones, over this room's network. Nothing goes "
        "to the internet; everything lands in this workshop file."));
    if (interfaces_.empty()) interfaces_ = phones::network_interfaces();
    if (chosen_interface_ < 0)
        for (std::size_t i = 0; i < interfaces_.size(); ++i)
            if (interfaces_[i].default_route || chosen_interface_ < 0) chosen_interface_ = int(i);
    if (!interfaces_.empty()) {
        const auto& current = interfaces_[std::size_t(std::max(chosen_interface_, 0))];
        std::string preview = fmt::format("{} ({})", current.name, current.address);
        if (ImGui::BeginCombo(runtime_.translate("Network"), preview.c_str())) {
            for (std::size_t i = 0; i < interfaces_.size(); ++i) {
                std::string label = fmt::format("{} ({})", interfaces_[i].name, interfaces_[i].address);
                if (ImGui::Selectable(label.c_str(), int(i) == chosen_interface_)) chosen_interface_ = int(i);
            }
            ImGui::EndCombo();
        }
    }
    if (big_button(runtime_.translate("Let phones join"))) open_joining();
    mark_item("core.phones.open");
    // The address stays while joining is closed and opened again, so cards waiting on phones still arrive.
    if (room_.keeps_address()) {
        if (ImGui::Button(runtime_.translate("New address and code"))) room_.choose_new_address();
        mark_item("core.phones.new_address");
    }
    if (!problem_.empty()) field_error(fmt::format("{}: {}", runtime_.translate("Joining could not start"), problem_));
    hint(runtime_.translate("Plain HTTP: anyone on this network can read what the phones send. Ask the room not to "
                            "write names or personal data; every phone text is checked like text typed here."));
}

bool PhonesPanel::draw_room() {
    if (!room_.open_now()) return false;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    draw_join_code(std::min(avail.x * 0.42f, avail.y * 0.9f), true);
    return true;
}

}  // namespace kartla::ui
