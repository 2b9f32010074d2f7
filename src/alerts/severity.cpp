#include "alerts/severity.hpp"

#include <algorithm>

namespace sentinelle {
namespace {

// Reasons a policy may never lower: a customer announcing they leave or sue is always urgent.
bool always_critical(std::string_view reason) {
  return reason == "churn_risk" || reason == "legal_threat";
}

}  // namespace

std::string_view severity_name(severity level) {
  return severity_names[static_cast<std::size_t>(level)];
}

std::optional<severity> parse_severity(std::string_view name) {
  for (std::size_t index = 0; index < severity_names.size(); ++index) {
    if (severity_names[index] == name) {
      return static_cast<severity>(index);
    }
  }
  return std::nullopt;
}

const std::vector<std::string_view>& known_reasons() {
  static const std::vector<std::string_view> reasons = {
      "score_detractor", "csat_dissatisfied", "high_effort",  "negative_verbatim",
      "hidden_detractor", "score_text_mismatch", "churn_risk", "legal_threat",
      "abuse",           "escalation_request", "repeat_contact", "public"};
  return reasons;
}

severity_policy::severity_policy()
    : levels_{{"score_detractor", severity::medium},   {"csat_dissatisfied", severity::medium},
              {"high_effort", severity::low},          {"negative_verbatim", severity::medium},
              {"hidden_detractor", severity::high},    {"score_text_mismatch", severity::high},
              {"churn_risk", severity::critical},      {"legal_threat", severity::critical},
              {"abuse", severity::high},               {"escalation_request", severity::high},
              {"repeat_contact", severity::medium},    {"public", severity::high}} {}

bool severity_policy::set(std::string_view reason, severity level, std::string& error) {
  const auto known = levels_.find(std::string(reason));
  if (known == levels_.end()) {
    error = "unknown reason '" + std::string(reason) + "'";
    return false;
  }
  if (always_critical(reason) && level != severity::critical) {
    error = "'" + std::string(reason) + "' is always critical";
    return false;
  }
  known->second = level;
  return true;
}

severity severity_policy::of(std::string_view reason) const {
  const auto known = levels_.find(std::string(reason));
  return known == levels_.end() ? severity::low : known->second;
}

std::optional<severity> severity_policy::assess(const std::vector<std::string>& reasons) const {
  if (reasons.empty()) {
    return std::nullopt;
  }
  severity highest = severity::low;
  for (const std::string& reason : reasons) {
    highest = std::max(highest, of(reason));
  }
  return highest;
}

}  // namespace sentinelle
