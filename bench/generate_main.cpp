// kartla_generate SAMPLE.kartla OUT.kartla CARDS [MEASURES] [SEED]: a copy of the
// sample grown to CARDS problem cards and MEASURES measures (default 2,000).
#include "workshop_generator.hpp"

#include "host/runtime.hpp"
#include "kartla/workshop.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace kartla;

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: kartla_generate SAMPLE.kartla OUT.kartla CARDS [MEASURES] [SEED]\n");
        return 2;
    }
    bench::GrowOptions options;
    options.cards = std::atoi(argv[3]);
    if (argc > 4) options.measures = std::atoi(argv[4]);
    if (argc > 5) options.seed = std::uint32_t(std::strtoul(argv[5], nullptr, 10));
    // The plugins beside the program say which tables the file may hold: opened
    // without them, their tables would be unverified, and never written.
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all(PluginSet::default_dirs());
    const SchemaCatalog known = runtime.plugins().known_schema();
    auto sample = Workshop::open(argv[1], OpenMode::ReadOnly, false, known);
    if (auto* e = std::get_if<OpenError>(&sample)) {
        std::fprintf(stderr, "kartla_generate: %s\n", e->message.c_str());
        return 1;
    }
    if (auto copied = std::get<std::unique_ptr<Workshop>>(sample)->save_copy(argv[2]); !copied) {
        std::fprintf(stderr, "kartla_generate: %s\n", copied.message.c_str());
        return 1;
    }
    auto out = Workshop::open(argv[2], OpenMode::ReadWrite, false, known);
    if (auto* e = std::get_if<OpenError>(&out)) {
        std::fprintf(stderr, "kartla_generate: %s\n", e->message.c_str());
        return 1;
    }
    try {
        bench::grow_workshop(std::get<std::unique_ptr<Workshop>>(out)->db(), options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kartla_generate: %s\n", e.what());
        return 1;
    }
    return 0;
}
