#pragma once
#include "kartla/document.hpp"

namespace report {

// `--redact`: masks personnummer, phone numbers and e-mail addresses in every
// text of the document (titles, cells, facts, captions) before it is written.
void redact(kartla::doc::Document& document);

}  // namespace report
