#pragma once
// The documents the law (2023:196) and Brå's guidance name, as the report
// plugin writes them: which document is which (names, formats), and the parts
// the report plugin adds itself around those the other plugins contribute:
// what the lägesbild and the åtgärdsplan rest on, the agreement's parties and
// purpose, and its signature lines (roles, never persons).
#include "workshop_section.hpp"

#include "kartla/plugin_api.hpp"

#include <vector>

namespace kartla::report {

struct DocumentSpec {
    kartla::DocumentKind kind;
    const char* name;    // English msgid: "Situation picture"
    const char* format;  // the command line's stem: "situation-picture" (+ "-pdf", ...)
};

// Every document, the workshop report first.
const std::vector<DocumentSpec>& document_specs();
const DocumentSpec& document_spec(kartla::DocumentKind kind);

// The parts that open and close `kind` (the workshop report: its workshop part only).
std::vector<kartla::doc::Section> opening_parts(kartla::DocumentKind kind, kartla::Database& db, const Translate& tr);
std::vector<kartla::doc::Section> closing_parts(kartla::DocumentKind kind, kartla::Database& db, const Translate& tr);

}  // namespace kartla::report
