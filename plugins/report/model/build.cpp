#include "build.hpp"

#include "law_documents.hpp"

#include "kartla/core_data.hpp"
#include "kartla/dates.hpp"

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

std::string report_language(const Translate& tr) {
    return tr("Workshop report") != std::string("Workshop report") ? "sv" : "en";
}

void title_page(kartla::Database& db, const Translate& tr, const std::string& issued, doc::Document& out) {
    namespace cd = kartla::core_data;
    const std::string title = cd::meta(db, "title"), organisation = cd::meta(db, "organisation");
    out.language = report_language(tr);
    // The document information names roles and organisations, never a person.
    out.author = cd::meta(db, "facilitator_role");
    if (!organisation.empty()) out.author += (out.author.empty() ? "" : ", ") + organisation;
    out.issued = issued;
    const std::pair<const char*, std::string> facts[] = {{"Workshop", title},
                                                        {"Organisation", organisation},
                                                        {"Date of the meeting", cd::meta(db, "date")},
                                                        {"Date of issue", issued}};
    for (const auto& [label, value] : facts)
        if (!value.empty()) out.title_facts.emplace_back(tr(label), value);
    out.footer = fmt::format(fmt::runtime(tr("{} · issued {}")), out.title.empty() ? tr("Workshop report") : out.title, issued);
    out.words.page_of = tr("Page {} of {}");
    out.words.date = tr("Date");
    out.words.value = tr("Value");
}

doc::Document build_document(kartla::DocumentKind kind, kartla::Workshop& workshop, const kartla::ExportOptions& options,
                             const Translate& tr, const std::vector<kartla::ReportSectionSpec>& sections) {
    auto& db = workshop.db();
    const std::string workshop_title = kartla::core_data::meta(db, "title"), organisation = kartla::core_data::meta(db, "organisation");
    doc::Document out;
    if (kind == kartla::DocumentKind::Report) {
        out.title = workshop_title.empty() ? tr("Workshop report") : workshop_title;
        out.subtitle = std::string(tr("Workshop report")) + " · " + organisation;
    } else {
        out.title = tr(document_spec(kind).name);
        out.subtitle = organisation.empty() ? workshop_title : workshop_title.empty() ? organisation : organisation + " · " + workshop_title;
    }
    title_page(db, tr, kartla::dates::today(), out);
    out.sections = opening_parts(kind, db, tr);
    // What the host says of the workshop as a whole opens its first part, in every format alike.
    if (!out.sections.empty()) {
        auto& first = out.sections.front().blocks;
        for (auto notice = options.notices.rbegin(); notice != options.notices.rend(); ++notice)
            first.insert(first.begin(), doc::Paragraph{*notice});
    }
    for (const auto& spec : sections)
        if (spec.document == kind) out.sections.push_back(contributed(workshop, options, tr, spec));
    for (auto& part : closing_parts(kind, db, tr)) out.sections.push_back(std::move(part));
    return out;
}

doc::Document build_report(kartla::Workshop& workshop, const kartla::ExportOptions& options, const Translate& tr,
                           const std::vector<kartla::ReportSectionSpec>& sections) {
    return build_document(kartla::DocumentKind::Report, workshop, options, tr, sections);
}

}  // namespace kartla::report
