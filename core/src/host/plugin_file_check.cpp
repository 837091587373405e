#include "host/plugin_file_check.hpp"

#include <elf.h>
#include <fmt/format.h>

#include <cstring>
#include <fstream>

namespace kartla {

namespace {

#if defined(__x86_64__)
constexpr int kHostMachine = EM_X86_64;
#elif defined(__aarch64__)
constexpr int kHostMachine = EM_AARCH64;
#elif defined(__i386__)
constexpr int kHostMachine = EM_386;
#elif defined(__arm__)
constexpr int kHostMachine = EM_ARM;
#elif defined(__riscv)
constexpr int kHostMachine = EM_RISCV;
#elif defined(__powerpc64__)
constexpr int kHostMachine = EM_PPC64;
#elif defined(__s390x__)
constexpr int kHostMachine = EM_S390;
#else
constexpr int kHostMachine = EM_NONE;  // unknown here: the loader's own check decides
#endif
constexpr int kHostClass = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
constexpr int kHostData = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;

std::string machine_name(int machine, int elf_class) {
    bool wide = elf_class == ELFCLASS64;
    switch (machine) {
        case EM_X86_64: return wide ? "x86-64" : "x32";
        case EM_386: return "i386";
        case EM_AARCH64: return "aarch64";
        case EM_ARM: return "32-bit arm";
        case EM_RISCV: return wide ? "riscv64" : "riscv32";
        case EM_PPC64: return "ppc64";
        case EM_PPC: return "32-bit powerpc";
        case EM_S390: return wide ? "s390x" : "s390";
        case EM_MIPS: return "mips";
        case EM_LOONGARCH: return "loongarch";
        default: return fmt::format("processor type {} ({}-bit)", machine, wide ? 64 : 32);
    }
}

}  // namespace

std::string foreign_library(const std::filesystem::path& file) {
    // e_ident, e_type and e_machine sit at the same offsets in 32- and 64-bit headers.
    unsigned char header[20] = {};
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char*>(header), sizeof header);
    if (in.gcount() < std::streamsize(sizeof header) || std::memcmp(header, ELFMAG, SELFMAG) != 0)
        return "it is not a compiled library (no ELF header)";
    int elf_class = header[EI_CLASS], data = header[EI_DATA];
    if (data != ELFDATA2LSB && data != ELFDATA2MSB) return "its ELF header is damaged";
    auto half = [&](int at) { return data == ELFDATA2LSB ? header[at] | header[at + 1] << 8 : header[at] << 8 | header[at + 1]; };
    int type = half(16), machine = half(18);
    if (kHostMachine != EM_NONE && (machine != kHostMachine || elf_class != kHostClass || data != kHostData))
        return fmt::format("it was built for {}{}, this kartla is {}", machine_name(machine, elf_class),
                           data == kHostData ? "" : data == ELFDATA2MSB ? " (big-endian)" : " (little-endian)",
                           machine_name(kHostMachine, kHostClass));
    if (type != ET_DYN) return "it is a program or an object file, not a shared library";
    return {};
}

}  // namespace kartla
