#include "host/plugin_file_check.hpp"

#include <elf.h>
#include <fmt/format.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>
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

// Under /usr: root's, written only by the package manager or an administrator.
// (Debian's /usr/local may be root:staff 2775, staff being its administrators.)
bool system_folder(const std::filesystem::path& path) {
    auto text = path.lexically_normal().string();
    return text == "/usr" || text.starts_with("/usr/");
}

// The user private group of Debian and most distributions: named as its owner,
// that owner's primary group, and nobody else in it.
bool private_group(uid_t owner, gid_t group) {
    const struct passwd* user = ::getpwuid(owner);
    const struct group* entry = ::getgrgid(group);
    if (!user || !entry || user->pw_gid != group || std::strcmp(user->pw_name, entry->gr_name) != 0) return false;
    return !entry->gr_mem || !entry->gr_mem[0];
}

std::string group_name(gid_t group) {
    const struct group* entry = ::getgrgid(group);
    return entry ? entry->gr_name : std::to_string(group);
}

// Why someone other than the owner could change `path`; empty when nobody can.
std::string writable_by_others(const std::filesystem::path& path, const struct stat& info) {
    if (info.st_mode & S_IWOTH) return fmt::format("{} is writable by every user", path.string());
    bool trusted_system = info.st_uid == 0 && system_folder(path);
    if ((info.st_mode & S_IWGRP) && !trusted_system && !private_group(info.st_uid, info.st_gid))
        return fmt::format("{} is writable by its group ({}), not only by its owner", path.string(),
                           group_name(info.st_gid));
    return {};
}

}  // namespace

std::string unsafe_location(const std::filesystem::path& file) {
    for (const std::filesystem::path& path : {file, file.parent_path()}) {
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) return fmt::format("{} cannot be read", path.string());
        if (auto why = writable_by_others(path, info); !why.empty()) return why;
        if (info.st_uid != 0 && info.st_uid != ::getuid())
            return fmt::format("{} belongs to another user", path.string());
    }
    return {};
}

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
