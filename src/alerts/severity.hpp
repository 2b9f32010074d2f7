#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sentinelle {

// How fast a supervisor should act on an alert (CONTRACT §4 Alerts), lowest first so that
// "at least high" is a plain comparison.
enum class severity : std::uint8_t { low, medium, high, critical };

inline constexpr std::array<std::string_view, 4> severity_names = {"low", "medium", "high",
                                                                   "critical"};

std::string_view severity_name(severity level);
std::optional<severity> parse_severity(std::string_view name);

// Which severity each classification reason carries; an alert takes the highest of its reasons
// (docs/classification.md). `churn_risk` and `legal_threat` are always critical: the policy
// refuses to lower them.
class severity_policy {
 public:
  severity_policy();  // the documented defaults

  // Overrides one reason's severity; false (and `error`) for an unknown reason or for lowering
  // churn_risk / legal_threat.
  bool set(std::string_view reason, severity level, std::string& error);

  // The alert's severity for these reasons; nullopt when there is none (no alert).
  std::optional<severity> assess(const std::vector<std::string>& reasons) const;

  severity of(std::string_view reason) const;

 private:
  std::unordered_map<std::string, severity> levels_;
};

// Every reason the classifier can give, in its documented order.
const std::vector<std::string_view>& known_reasons();

}  // namespace sentinelle
