#include "phones/qr_code.hpp"

#include <qrencode.h>

#include <string>

namespace kartla::phones {

QrCode qr_code(std::string_view text) {
    const std::string input(text);
    // Mode 8 with hints lets libqrencode pick the alphanumeric mode for the parts that allow it.
    QRcode* encoded = QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!encoded) return {};
    QrCode code;
    code.size = encoded->width;
    code.dark.resize(std::size_t(code.size) * std::size_t(code.size));
    for (std::size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = (encoded->data[i] & 1) != 0;
    QRcode_free(encoded);
    return code;
}

}  // namespace kartla::phones
