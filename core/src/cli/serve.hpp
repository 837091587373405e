#pragma once
// `kartla serve FILE [--bind ADDR] [--port N]`: the room server with no window,
// for a facilitator who projects another program, and for the tests.
#include "host/runtime.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace kartla::cli {

// Runs until SIGINT or SIGTERM; returns the exit code. `runtime` has its plugins loaded.
int serve(Runtime& runtime, const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kartla::cli
