#include "build.hpp"

#include "kartla/core_data.hpp"

#include <fmt/format.h>

namespace kartla::report {

namespace doc = kartla::doc;

namespace {

// One contributed part, built guarded: another plugin's failure costs that part only.
doc::Section contributed(kartla::Workshop& workshop, const kartla::ExportOptions& options, const Translate& tr,
                         const kartla::ReportSectionSpec& spec) {
    std::string why;
    try {
        if (spec.build) return spec.build(workshop, options);
        why = "no build function";
    } catch (const std::exception& e) {
        why = e.what();
    } catch (...) {
        why = "unknown error";
    }
    return {spec.title, {doc::Paragraph{fmt::format(fmt::runtime(tr("This part of the report could not be made: {}")), why)}}};
}

}  // namespace

doc::Document build_report(kartla::Workshop& workshop, const kartla::ExportOptions& options, const Translate& tr,
                           const std::vector<kartla::ReportSectionSpec>& sections) {
    auto& db = workshop.db();
    doc::Document out;
    out.title = kartla::core_data::meta(db, "title");
    if (out.title.empty()) out.title = tr("Workshop report");
    out.subtitle = tr("Workshop report") + " · " + kartla::core_data::meta(db, "organisation");
    out.sections.push_back(workshop_section(db, tr));
    // What the host says of the workshop as a whole opens its first part, in HTML and PDF alike.
    auto& first = out.sections.front().blocks;
    for (auto notice = options.notices.rbegin(); notice != options.notices.rend(); ++notice)
        first.insert(first.begin(), doc::Paragraph{*notice});
    for (const auto& spec : sections) out.sections.push_back(contributed(workshop, options, tr, spec));
    return out;
}

}  // namespace kartla::report
