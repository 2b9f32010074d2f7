#include "alerts/alert.hpp"

#include <array>
#include <cstdint>

namespace sentinelle {
namespace {

constexpr std::array<std::string_view, 3> status_names = {"open", "acknowledged", "resolved"};

}  // namespace

std::string_view alert_status_name(alert_status status) {
  return status_names[static_cast<std::size_t>(status)];
}

std::optional<alert_status> parse_alert_status(std::string_view name) {
  for (std::size_t index = 0; index < status_names.size(); ++index) {
    if (status_names[index] == name) {
      return static_cast<alert_status>(index);
    }
  }
  return std::nullopt;
}

}  // namespace sentinelle

namespace sentinelle {

std::string alert_id_for(std::int64_t seq) {
  return "al-" + std::to_string(seq);
}

std::optional<std::int64_t> alert_seq_from_id(std::string_view id) {
  constexpr std::string_view prefix = "al-";
  if (id.substr(0, prefix.size()) != prefix || id.size() == prefix.size() || id.size() > 21) {
    return std::nullopt;
  }
  std::int64_t seq = 0;
  for (const char digit : id.substr(prefix.size())) {
    if (digit < '0' || digit > '9' || seq > (INT64_MAX - 9) / 10) {
      return std::nullopt;
    }
    seq = seq * 10 + (digit - '0');
  }
  return seq;
}

}  // namespace sentinelle
