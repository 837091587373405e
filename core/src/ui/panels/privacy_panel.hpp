#pragma once
// The privacy panel: every place in the workshop that looks like personal
// data, with a one-tap mask, and the purge of deleted text.
#include "text/privacy_scan.hpp"
#include "host/runtime.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kartla::ui {

class KARTLA_API PrivacyPanel {
public:
    explicit PrivacyPanel(Runtime& runtime) : runtime_(runtime) {}
    void draw();
    std::size_t hit_count();  // for the export review
    std::string place_of(const privacy::CellHit& hit);  // "Participants", "Problem map · title"

private:
    const std::vector<privacy::CellHit>& hits(Workshop& workshop);
    void report(const EditResult& result, const char* done);

    Runtime& runtime_;
    std::uint64_t scanned_revision_ = 0;
    std::vector<privacy::CellHit> hits_;
    bool confirm_purge_ = false;
};

KARTLA_API const char* hit_kind_label(privacy::HitKind kind);  // English msgid

}  // namespace kartla::ui
