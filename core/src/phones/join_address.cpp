#include "phones/join_address.hpp"

#include <fmt/format.h>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/random.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kartla::phones {

namespace {

void fill_random(std::uint8_t* bytes, std::size_t count) {
    std::size_t done = 0;
    while (done < count) {
        ssize_t got = getrandom(bytes + done, count - done, 0);
        if (got < 0) throw std::runtime_error("no random numbers from the system (getrandom)");
        done += std::size_t(got);
    }
}

// Each character from one random byte, rejecting bytes that would bias the choice.
std::string random_text(std::string_view alphabet, std::size_t length) {
    const std::size_t limit = 256 - 256 % alphabet.size();
    std::string text;
    while (text.size() < length) {
        std::array<std::uint8_t, 32> bytes{};
        fill_random(bytes.data(), bytes.size());
        for (auto b : bytes)
            if (b < limit && text.size() < length) text += alphabet[b % alphabet.size()];
    }
    return text;
}

std::string default_route_interface() {
    std::ifstream routes("/proc/net/route");
    std::string line;
    std::getline(routes, line);  // the header
    while (std::getline(routes, line)) {
        std::istringstream fields(line);
        std::string name, destination;
        if (fields >> name >> destination && destination == "00000000") return name;
    }
    return {};
}

}  // namespace

std::string random_token() {
    // 26 characters of 32 = 130 bits; each is one draw from the system's generator.
    return random_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 26);
}

std::string random_code() { return random_text("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 6); }

bool same_secret(std::string_view given, std::string_view secret) {
    unsigned char difference = given.size() == secret.size() ? 0 : 1;
    for (std::size_t i = 0; i < secret.size(); ++i)
        difference |= static_cast<unsigned char>((i < given.size() ? given[i] : 0) ^ secret[i]);
    return difference == 0;
}

std::vector<NetworkInterface> network_interfaces() {
    std::vector<NetworkInterface> found, loopback;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return {{"lo", "127.0.0.1", false}};
    const std::string with_route = default_route_interface();
    for (ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET || !(entry->ifa_flags & IFF_UP)) continue;
        char text[INET_ADDRSTRLEN] = {};
        auto* address = reinterpret_cast<sockaddr_in*>(entry->ifa_addr);
        if (!inet_ntop(AF_INET, &address->sin_addr, text, sizeof text)) continue;
        NetworkInterface item{entry->ifa_name, text, with_route == entry->ifa_name};
        (entry->ifa_flags & IFF_LOOPBACK ? loopback : found).push_back(item);
    }
    freeifaddrs(list);
    found.insert(found.end(), loopback.begin(), loopback.end());
    return found;
}

std::string default_bind_address() {
    auto interfaces = network_interfaces();
    for (const auto& item : interfaces)
        if (item.default_route) return item.address;
    for (const auto& item : interfaces)
        if (item.address.rfind("127.", 0) != 0) return item.address;
    return "127.0.0.1";
}

std::string short_address(std::string_view address, int port) {
    if (address.find(':') != std::string_view::npos) return fmt::format("[{}]:{}", address, port);  // IPv6
    return fmt::format("{}:{}", address, port);
}

std::string join_url(std::string_view address, int port, std::string_view token) {
    return fmt::format("http://{}/{}", short_address(address, port), token);
}

}  // namespace kartla::phones
