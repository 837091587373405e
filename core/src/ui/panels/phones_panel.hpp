#pragma once
// "Let phones join": the view that opens and closes the shell's PhoneRoom and
// shows the room, large enough for the back row, the QR code, the short address
// and the code, how many phones are connected, and what plain HTTP on this
// network means. The shell pumps the room; this only draws and controls it.
#include "host/runtime.hpp"
#include "phones/join_address.hpp"
#include "phones/phone_room.hpp"
#include "phones/qr_code.hpp"

#include <string>
#include <vector>

namespace kartla::ui {

class KARTLA_API PhonesPanel {
public:
    PhonesPanel(Runtime& runtime, phones::PhoneRoom& room);

    void draw();       // the facilitator's view, with the controls
    bool draw_room();  // the projector: the code to scan, nothing to press
    void open_joining();
    void close_joining();
    bool joining() const { return room_.open_now(); }
    phones::PhoneServer& server() { return room_.server(); }

private:
    void draw_join_code(float size, bool room);
    void draw_closed();
    void check_reachable();

    Runtime& runtime_;
    phones::PhoneRoom& room_;
    phones::QrCode qr_;  // the last opening's; drawn only while the room is open
    std::vector<phones::NetworkInterface> interfaces_;
    int chosen_interface_ = -1;
    std::string problem_;     // why joining could not start
    std::string reachable_;   // what the self-test found
};

}  // namespace kartla::ui
