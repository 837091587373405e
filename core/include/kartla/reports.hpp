#pragma once
// The SDK: a plugin's parts of the report and of the documents the law names
// (Host::add_report_section).
#include "kartla/document.hpp"
#include "kartla/exports.hpp"
#include "kartla/workshop.hpp"

#include <functional>
#include <string>

namespace kartla {

// A plugin's part of the workshop report, made from its own model. The report
// collects the parts of the loaded plugins in ascending `order` (problems 10,
// actors 20, measures 30, follow-up 40) and writes them as HTML and PDF. Texts
// come already translated (Host::tr); the report redacts every text on
// request, but not the pixels of an image: a part that draws text into a
// picture masks it itself when `options.redact_personal_data` is set.
//
// Besides the workshop report, the report plugin writes the documents the law
// (2023:196) and Brå's guidance name, each from the parts contributed to it:
// the lägesbild (the survey of the problems and their analysis), the
// åtgärdsplan (per prioritised problem, its causes, measures, goals and
// follow-up) and a draft samverkansöverenskommelse between the municipality
// and the police (problems in focus, goals, follow-up, period, signatures).
enum class DocumentKind { Report, SituationPicture, ActionPlan, Agreement };

struct ReportSectionSpec {
    std::string key;    // "problem_map.problems"
    std::string title;  // English msgid; names the part when building it fails
    int order = 50;
    std::function<doc::Section(Workshop&, const ExportOptions&)> build;
    DocumentKind document = DocumentKind::Report;  // the document this part belongs to
};

}  // namespace kartla
