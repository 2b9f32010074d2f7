#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analysis.hpp"
#include "storage/event.hpp"

namespace sentinelle {

// 0–6 detractor, 7–8 passive, 9–10 promoter (CONTRACT §4).
std::optional<std::string_view> nps_category(std::optional<int> nps);

struct classification {
  bool detractor = false;
  bool negative_verbatim = false;
  std::vector<std::string> reasons;  // CONTRACT §4 Alerts, in a stable order
};

// The classify stage: scores + analysis → detractor and why. `verbatim` is null when the
// event has no text. Pure function: the policy is documented in docs/classification.md.
classification classify(const event& e, const analysis* verbatim);

}  // namespace sentinelle
