#include "webhook/retry_policy.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>

namespace sentinelle {
namespace {

constexpr double jitter_fraction = 0.10;

std::optional<int> read_int(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || text[0] == '-') {
    return std::nullopt;
  }
  return value;
}

std::optional<unsigned> month_of(std::string_view name) {
  static constexpr std::array<std::string_view, 12> months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto found = std::find(months.begin(), months.end(), name);
  return found == months.end() ? std::nullopt : std::optional<unsigned>(found - months.begin() + 1);
}

// "Wed, 21 Oct 2015 07:28:00 GMT": fixed positions (RFC 9110 §5.6.7). Parsed by hand because
// strptime's %a and %b follow the process locale.
std::optional<std::int64_t> parse_imf_fixdate(std::string_view text) {
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  const auto day = read_int(text.substr(5, 2));
  const auto month = month_of(text.substr(8, 3));
  const auto year = read_int(text.substr(12, 4));
  const auto hour = read_int(text.substr(17, 2));
  const auto minute = read_int(text.substr(20, 2));
  const auto second = read_int(text.substr(23, 2));
  if (!day || !month || !year || !hour || !minute || !second || *hour > 23 || *minute > 59 ||
      *second > 60) {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day date{std::chrono::year{*year}, std::chrono::month{*month},
                            std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  const auto at = sys_days{date} + hours{*hour} + minutes{*minute} + seconds{*second};
  return duration_cast<milliseconds>(at.time_since_epoch()).count();
}

std::int64_t jittered(std::int64_t wait_ms, double jitter) {
  const double factor = 1.0 + jitter_fraction * std::clamp(jitter, -1.0, 1.0);
  return std::max<std::int64_t>(0, std::llround(static_cast<double>(wait_ms) * factor));
}

std::string error_text(const attempt_result& result) {
  return result.status != 0 ? "http " + std::to_string(result.status) : result.error;
}

}  // namespace

delivery_decision decide_next_step(const attempt_result& result, int attempts_before,
                                   const std::vector<std::int64_t>& schedule_ms,
                                   std::int64_t now_ms, double jitter) {
  delivery_decision decision;
  decision.attempts = attempts_before + 1;
  decision.last_error = error_text(result);
  if (result.status >= 200 && result.status < 300) {
    decision.step = delivery_step::delivered;
    return decision;
  }
  if (result.status == 410) {
    // Not the delivery's fault: it keeps its attempts for when the sink is enabled again.
    decision.step = delivery_step::disable_sink;
    decision.attempts = attempts_before;
    decision.next_attempt_ms = now_ms;
    return decision;
  }
  const auto index = static_cast<std::size_t>(std::max(0, attempts_before));
  if (index >= schedule_ms.size()) {
    decision.step = delivery_step::bury;
    return decision;
  }
  std::int64_t wait_ms = jittered(schedule_ms[index], jitter);
  if (result.status == 429 && result.retry_after_ms) {
    // The receiver said when; honoured as given, but a huge value must not park it for years.
    const auto longest = *std::max_element(schedule_ms.begin(), schedule_ms.end());
    wait_ms = std::min(*result.retry_after_ms, longest);
  }
  decision.next_attempt_ms = now_ms + wait_ms;
  return decision;
}

std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now_ms) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
    value.remove_prefix(1);
  }
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
    value.remove_suffix(1);
  }
  if (!value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos) {
    // Ten digits of seconds is already three centuries; longer is clamped, not overflowed.
    if (value.size() > 10) {
      return std::int64_t{9'999'999'999} * 1000;
    }
    std::int64_t seconds = 0;
    std::from_chars(value.data(), value.data() + value.size(), seconds);
    return seconds * 1000;
  }
  const auto at = parse_imf_fixdate(value);
  if (!at) {
    return std::nullopt;
  }
  return std::max<std::int64_t>(0, *at - now_ms);
}

}  // namespace sentinelle
