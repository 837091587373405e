// The libFuzzer entry point of one fuzz program; KARTLA_FUZZ_BODY names which
// body of fuzz_bodies.hpp it drives (set per program in CMakeLists.txt).
#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kartla::fuzz::KARTLA_FUZZ_BODY(data, size);
}
