#pragma once
// The join address as a QR code (libqrencode), as a square of dark and light
// modules that the window draws at any size.
#include "kartla/api.hpp"

#include <string_view>
#include <vector>

namespace kartla::phones {

struct QrCode {
    int size = 0;               // modules per side, without the quiet zone
    std::vector<bool> dark;     // size * size, row by row

    bool at(int x, int y) const { return dark[std::size_t(y) * std::size_t(size) + std::size_t(x)]; }
};

// Medium error correction (15 %): a projected code survives glare and a low
// resolution. Upper-case text uses the compact alphanumeric mode. Empty when
// the text does not fit.
KARTLA_API QrCode qr_code(std::string_view text);

}  // namespace kartla::phones
