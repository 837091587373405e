// The action plan plugin: entry point and registration only.
#include "model/entities.hpp"
#include "model/export/exporters.hpp"
#include "model/measure.hpp"
#include "model/plan_documents.hpp"
#include "model/report_section.hpp"
#include "model/sample.hpp"
#include "model/schema.hpp"
#include "model/table_names.hpp"
#include "views/ui_state.hpp"
#include "views/views.hpp"

#include "kartla/plugin_api.hpp"

#include <nlohmann/json.hpp>

#include <tuple>

namespace kartla::action_plan {

class ActionPlanPlugin : public kartla::Plugin {
public:
    explicit ActionPlanPlugin(kartla::Host& host)
        : state_(host), table_(state_), board_(state_), timeline_(state_), by_problem_(state_), editor_(state_),
          checks_(state_), preview_(state_) {
        host.add_schema(migrations());
        host.add_table_names(table_names());
        host.add_entity_kind({"measure", [](kartla::Workshop& w) { return measure_entities(w); }, {}, "action_plan_measure"});
        host.add_view({"action_plan.table", "Action plan", true, [this] { table_.draw(); }, kartla::ViewPlacement::Main, 30,
                       [this] { return table_.draw_room(); }});
        host.add_view({"action_plan.measure", "Measure", true, [this] { editor_.draw(); }, kartla::ViewPlacement::Side, 30});
        host.add_view({"action_plan.board", "Measures by status", true, [this] { board_.draw(); }, kartla::ViewPlacement::Main, 31,
                       [this] { return board_.draw_room(); }});
        host.add_view({"action_plan.checks", "Action plan checks", false, [this] { checks_.draw(); }, kartla::ViewPlacement::Side, 31});
        host.add_view({"action_plan.by_problem", "Measures by problem", true, [this] { by_problem_.draw(); }, kartla::ViewPlacement::Main, 32,
                       [this] { return by_problem_.draw_room(); }});
        host.add_view({"action_plan.timeline", "Timeline", true, [this] { timeline_.draw(); }, kartla::ViewPlacement::Main, 33,
                       [this] { return timeline_.draw_room(); }});
        host.add_view({"action_plan.export_preview", "Export preview", false, [this] { preview_.draw(); }, kartla::ViewPlacement::Side, 34});
        host.add_command({"action_plan.new_measure", "New measure", {}, [this] { views::add_measure(state_); },
                          [&host] { return host.workshop() != nullptr; }});
        const EntitySource source = state_.entity_source();
        // Exports fetch only the entities the plan refers to, whatever the size of the board.
        const EntitySelect select = [&host](std::string_view kind, const kartla::EntityFilter& filter, bool* available) {
            return host.entities_where(kind, filter, available);
        };
        const exporting::Say say = [&host](const std::string& line) { host.show_message(line); };
        for (auto& spec : exporting::export_specs(source, state_.translator(), select, say)) host.add_export(std::move(spec));
        host.add_report_section({"action_plan.measures", "Action plan", 30, [this, select](kartla::Workshop& w, const kartla::ExportOptions&) {
                                     return report_section(w, select, state_.translator());
                                 }});
        // The åtgärdsplan's and the samverkansöverenskommelse's parts (plan_documents.hpp).
        using Part = doc::Section (*)(const exporting::Document&);
        const std::tuple<const char*, const char*, Part, DocumentKind> parts[] = {
            {"action_plan.per_problem", "Measures per prioritised problem", measures_per_problem, DocumentKind::ActionPlan},
            {"action_plan.goals", "Goals and indicators", goals_and_indicators, DocumentKind::ActionPlan},
            {"action_plan.follow_up", "Follow-up plan", follow_up_plan, DocumentKind::ActionPlan},
            {"action_plan.focus", "Problems in focus and their likely causes", problems_in_focus, DocumentKind::Agreement},
            {"action_plan.agreed_goals", "Measurable goals", measurable_goals, DocumentKind::Agreement},
            {"action_plan.period", "Follow-up and period", follow_up_and_period, DocumentKind::Agreement}};
        int order = 30;
        for (auto [key, title, build, kind] : parts)
            host.add_report_section({key, title, order++,
                                     [this, select, build = build](kartla::Workshop& w, const kartla::ExportOptions&) {
                                         // The document redacts every text itself, so the plan is read unredacted here.
                                         return build(exporting::build_document(w, select, kartla::ExportOptions{},
                                                                                state_.translator()));
                                     },
                                     kind});
        host.add_sample_loader({30, [source](kartla::Workshop& w, const nlohmann::json& sample) {
                                    load_sample(w, sample, source);
                                }});
    }

private:
    views::UiState state_;
    views::TableView table_;
    views::BoardView board_;
    views::TimelineView timeline_;
    views::ByProblemView by_problem_;
    views::MeasureEditor editor_;
    views::ChecksView checks_;
    views::ExportPreview preview_;
};

}  // namespace kartla::action_plan

KARTLA_PLUGIN("action_plan", "Action plan", "1.0.0", kartla::action_plan::ActionPlanPlugin)
