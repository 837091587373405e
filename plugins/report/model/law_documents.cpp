#include "law_documents.hpp"

#include "kartla/core_data.hpp"

#include <fmt/format.h>

namespace kartla::report {

namespace doc = kartla::doc;
namespace cd = kartla::core_data;
using kartla::DocumentKind;

namespace {

// The workshop part under another name, with a word on what the document rests on.
doc::Section basis(kartla::Database& db, const Translate& tr, const char* title, const char* about) {
    doc::Section section = workshop_section(db, tr);
    section.title = tr(title);
    section.blocks.insert(section.blocks.begin(), doc::Paragraph{tr(about)});
    return section;
}

doc::Section parties(kartla::Database& db, const Translate& tr) {
    const std::string municipality = cd::meta(db, "organisation");
    doc::Section section{tr("Parties and purpose"), {}};
    section.blocks.push_back(doc::Facts{{{tr("Parties"), fmt::format(fmt::runtime(tr("{} and the Police Authority, local police area")),
                                                                   municipality.empty() ? tr("The municipality") : municipality)},
                                        {tr("Purpose"), tr("To prevent crime and increase safety together, from a shared "
                                                           "situation picture, with the problems, goals and follow-up below.")}}});
    doc::Bullets organisations;
    for (const auto& organisation : cd::organisations(db)) {
        organisations.items.push_back(organisation);
        organisations.depth.push_back(0);
    }
    if (!organisations.items.empty()) {
        section.blocks.push_back(doc::Heading{tr("Organisations that took part in the mapping")});
        section.blocks.push_back(std::move(organisations));
    }
    return section;
}

// Lines to sign on paper: the roles Brå names, never a person's name in the file.
doc::Section signatures(kartla::Database& db, const Translate& tr) {
    const std::string municipality = cd::meta(db, "organisation");
    doc::Section section{tr("Signatures"), {}};
    section.blocks.push_back(doc::Paragraph{tr("This agreement is a draft until both parties have signed it.")});
    const std::string line = "\n\n______________________________";
    doc::Table table{{municipality.empty() ? tr("For the municipality") : fmt::format(fmt::runtime(tr("For {}")), municipality),
                      tr("For the Police Authority")},
                     {1, 1},
                     {}};
    table.rows.push_back({tr("Chair of the municipal executive board"), tr("Local police area chief")});
    for (const char* what : {"Place and date", "Signature", "Name in block letters"})
        table.rows.push_back({tr(what) + line, tr(what) + line});
    section.blocks.push_back(std::move(table));
    return section;
}

}  // namespace

const std::vector<DocumentSpec>& document_specs() {
    static const std::vector<DocumentSpec> specs = {
        {DocumentKind::Report, "Workshop report", "report"},
        {DocumentKind::SituationPicture, "Situation picture", "situation-picture"},
        {DocumentKind::ActionPlan, "Action plan", "action-plan"},
        {DocumentKind::Agreement, "Collaboration agreement (draft)", "agreement"}};
    return specs;
}

const DocumentSpec& document_spec(DocumentKind kind) {
    for (const auto& spec : document_specs())
        if (spec.kind == kind) return spec;
    return document_specs().front();
}

std::vector<doc::Section> opening_parts(DocumentKind kind, kartla::Database& db, const Translate& tr) {
    switch (kind) {
    case DocumentKind::Report: return {workshop_section(db, tr)};
    case DocumentKind::SituationPicture:
        return {basis(db, tr, "About the situation picture",
                      "The situation picture was drawn up at the mapping meeting by the organisations below, from their "
                      "own knowledge and the sources recorded for each problem.")};
    case DocumentKind::ActionPlan:
        return {basis(db, tr, "About the action plan",
                      "The measures are tied to the prioritised problems of the situation picture and to their causes: "
                      "cause, measure, operational goal, when, who, follow-up.")};
    case DocumentKind::Agreement: return {parties(db, tr)};
    }
    return {};
}

std::vector<doc::Section> closing_parts(DocumentKind kind, kartla::Database& db, const Translate& tr) {
    if (kind == DocumentKind::Agreement) return {signatures(db, tr)};
    return {};
}

}  // namespace kartla::report
