// follow_up: follow-up meetings on the action plan, and what changed since the last one.
// Entry point and registration only; the logic lives in model/ and views/.
#include "kartla/plugin_api.hpp"
#include "model/follow_up.hpp"
#include "model/report_section.hpp"
#include "model/sample.hpp"
#include "model/schema.hpp"
#include "model/table_names.hpp"
#include "views/meeting_view.hpp"

#include <nlohmann/json.hpp>

namespace kartla::follow_up {

class FollowUpPlugin : public kartla::Plugin {
public:
    explicit FollowUpPlugin(kartla::Host& host) : host_(host), view_(host) {
        host.add_schema(migrations());
        host.add_table_names(table_names());
        host.add_view({"follow_up.meeting", "Follow-up", true, [this] { view_.draw(); }, kartla::ViewPlacement::Main, 40,
                       [this] { return view_.draw_room(); }});
        host.add_report_section({"follow_up.changes", "Follow-up", 40, [this](kartla::Workshop& w, const kartla::ExportOptions&) {
                                     return report_section(w.db(), host_.entity_source(), host_.translator(), host_.entity_select());
                                 }});
        host.add_sample_loader({40, [this](kartla::Workshop& w, const nlohmann::json& sample) {
                                    load_sample(w, sample, host_.entity_source());
                                }});
    }

private:
    kartla::Host& host_;
    MeetingView view_;
};

}  // namespace kartla::follow_up

KARTLA_PLUGIN("follow_up", "Follow-up meetings", "1.0.0", kartla::follow_up::FollowUpPlugin)
