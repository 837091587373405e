#pragma once
// Where phones join: the address the room server listens on, the per-meeting
// token in the join address (the phone that lacks it gets nothing), and the
// short code that lets a phone join by typing instead of scanning.
#include "kartla/api.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kartla::phones {

// 128 random bits as 26 upper-case base32 characters: upper case keeps the whole
// join address in the QR code's alphanumeric mode, a smaller, easier code.
KARTLA_API std::string random_token();
// 6 random characters from an alphabet without look-alikes (no 0/O, 1/I/L).
KARTLA_API std::string random_code();
// Compares two secrets in time that depends on their lengths only.
KARTLA_API bool same_secret(std::string_view given, std::string_view secret);

struct NetworkInterface {
    std::string name;     // "wlan0"
    std::string address;  // its IPv4 address, "192.168.1.20"
    bool default_route = false;
};
// The machine's IPv4 interfaces that are up, loopback last.
KARTLA_API std::vector<NetworkInterface> network_interfaces();
// The address of the interface with the default route, else the first one that
// is not loopback, else 127.0.0.1: never all interfaces.
KARTLA_API std::string default_bind_address();

// "http://192.168.1.20:8080/TOKEN"; the QR code holds the same in upper case.
KARTLA_API std::string join_url(std::string_view address, int port, std::string_view token);
KARTLA_API std::string short_address(std::string_view address, int port);  // "192.168.1.20:8080"

}  // namespace kartla::phones
