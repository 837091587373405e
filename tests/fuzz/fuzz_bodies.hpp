#pragma once
// The bodies of the fuzz targets. Each one is compiled twice: into a libFuzzer
// program (tests/fuzz/CMakeLists.txt, clang only) and into the ordinary test
// suite, which feeds it every file of its seed corpus and of its regressions
// (tests/fuzz/corpus/<target>/, tests/fuzz/regressions/<target>/).
// A broken property calls fail(), which aborts: libFuzzer saves the input, a
// doctest case reports the crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace kartla::fuzz {

// Any bytes as a workshop file: Workshop::open never throws, and what opens can
// be read, edited, undone and copied without crashing.
int open_workshop(const std::uint8_t* data, std::size_t size);
// Any bytes as the JSON sample source, loaded into an in-memory workshop.
int sample_source(const std::uint8_t* data, std::size_t size);
// Any bytes through every text encoder and the personal-data guard, with the
// promises of text_encode.hpp and privacy.hpp checked.
int text_encoders(const std::uint8_t* data, std::size_t size);
// Any bytes as a whole workshop, built through the plugins' edit paths, then
// every registered export (the plugins' real shared libraries) with its file
// checked: the text formats, and (slower) the rendered ones (images, PDF, report).
int exporters(const std::uint8_t* data, std::size_t size);
int rendered_exports(const std::uint8_t* data, std::size_t size);
// Any bytes as a phone's request to the room server: the request gate and the
// strict JSON reader (docs/phones.md).
int phone_request(const std::uint8_t* data, std::size_t size);
// Any bytes as the other copy of a merge: its whole file, or forged changesets in
// the history of a real copy (storage/merge.hpp; docs/merging.md).
int merge_copies(const std::uint8_t* data, std::size_t size);

[[noreturn]] inline void fail(const char* target, const std::string& what) {
    std::fprintf(stderr, "fuzz property broken in %s: %s\n", target, what.c_str());
    std::abort();
}

}  // namespace kartla::fuzz
