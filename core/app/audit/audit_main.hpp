#pragma once
// kartla audit-layout: the layout audit on the command line (docs/layout-audit.md).
#include <ostream>
#include <string>
#include <vector>

namespace kartla::audit {

// Returns the exit code: 0 no defects, 1 defects found, 2 the audit could not run.
int audit_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kartla::audit
