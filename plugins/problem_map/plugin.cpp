// problem_map: entry point and registration only.
#include "model/entities.hpp"
#include "model/phone_routes.hpp"
#include "model/report_section.hpp"
#include "model/situation_sections.hpp"
#include "model/sample.hpp"
#include "model/schema.hpp"
#include "model/table_names.hpp"
#include "views/main_view.hpp"
#include "views/ui_state.hpp"

#include "kartla/plugin_api.hpp"

namespace kartla::problem_map {

class ProblemMapPlugin : public Plugin {
public:
    explicit ProblemMapPlugin(Host& host) : ui_(host), main_view_(ui_) {
        host.add_schema(migrations());
        host.add_table_names(table_names());
        host.add_view({"problem_map.board", "Problem picture", true, [this] { main_view_.draw(); },
                       kartla::ViewPlacement::Main, 10, [this] { return main_view_.draw_room(); }, views::MainView::tabs(),
                       [this](std::string_view tab) { main_view_.show_tab(tab); }});
        host.add_entity_kind({"problem", [this](Workshop& w) { return problem_entities(*ui_.cache.get(w)); },
                              [](Workshop& w, const EntityFilter& f) { return select_problems(w.db(), f); }, "problem_map_card"});
        host.add_entity_kind({"cause", [this](Workshop& w) { return cause_entities(*ui_.cache.get(w)); },
                              [](Workshop& w, const EntityFilter& f) { return select_causes(w.db(), f); }, "problem_map_cause"});
        host.add_report_section({"problem_map.problems", "Problem picture", 10,
                                 [&host](Workshop& w, const ExportOptions&) {
                                     return report_section(load_snapshot(w.db(), Reading::Report), host.translator());
                                 }});
        // The lägesbild's parts: the survey, its sources, the analysis (situation_sections.hpp).
        const std::pair<const char*, doc::Section (*)(const Snapshot&, const Translate&)> situation[] = {
            {"The problems: what, where, when and whom", survey_section},
            {"Sources and their limitations", sources_section},
            {"Analysis: causes and priorities", analysis_section}};
        int order = 10;
        for (auto [title, build] : situation)
            host.add_report_section({std::string("problem_map.situation.") + std::to_string(order), title, order++,
                                     [this, &host, build = build](Workshop& w, const ExportOptions&) {
                                         return build(*ui_.cache.get(w), host.translator());
                                     },
                                     DocumentKind::SituationPicture});
        host.add_sample_loader({10, [](Workshop& w, const nlohmann::json& sample) { load_sample(w, sample); }});
        host.add_command({"problem_map.reveal_all", "Reveal all problem cards", {}, [this] { main_view_.reveal_all(); },
                          [this] { return ui_.silent_round_running(); }});
        // Phones' cards go where the room looks: the facilitator's board as last drawn,
        // and the cards near a place are found in the board's grid, as the board has them.
        phone_routes::add_routes(host, [this] { return ui_.room_view(); }, [this] { return ui_.snapshot(); });
    }

private:
    views::UiState ui_;
    views::MainView main_view_;
};

}  // namespace kartla::problem_map

KARTLA_PLUGIN("problem_map", "Problem map", "1.0.0", kartla::problem_map::ProblemMapPlugin)
