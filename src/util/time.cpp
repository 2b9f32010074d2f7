#include "util/time.hpp"

#include <chrono>
#include <cstdio>

namespace sentinelle {
namespace {

using namespace std::chrono;

// Reads exactly `count` digits at `at`; false if any is not a digit.
bool digits(std::string_view text, std::size_t at, std::size_t count, int& value) {
  if (at + count > text.size()) {
    return false;
  }
  value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

std::optional<sys_days> read_date(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() < 10 || !digits(text, 0, 4, year) || text[4] != '-' ||
      !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year(year),
                            std::chrono::month(static_cast<unsigned>(month)),
                            std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) {
    return std::nullopt;
  }
  return sys_days(date);
}

// "Z", "+01:00", "-05:30" → offset in minutes east of UTC.
std::optional<int> read_offset(std::string_view zone) {
  if (zone == "Z" || zone == "z") {
    return 0;
  }
  int hours = 0;
  int minutes = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, hours) ||
      zone[3] != ':' || !digits(zone, 4, 2, minutes) || hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  return (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
}

}  // namespace

std::optional<std::int64_t> parse_date(std::string_view text) {
  if (text.size() != 10) {
    return std::nullopt;
  }
  const auto date = read_date(text);
  if (!date) {
    return std::nullopt;
  }
  return duration_cast<milliseconds>(date->time_since_epoch()).count();
}

std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  const auto date = read_date(text);
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!date || text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) ||
      text[16] != ':' || !digits(text, 17, 2, second) || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  std::size_t at = 19;
  int millis = 0;
  if (text[at] == '.') {
    std::size_t end = at + 1;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
      ++end;
    }
    if (end == at + 1) {
      return std::nullopt;
    }
    for (std::size_t i = at + 1; i < at + 4; ++i) {  // keep milliseconds, drop finer digits
      millis = millis * 10 + (i < end ? text[i] - '0' : 0);
    }
    at = end;
  }
  const auto offset = read_offset(text.substr(at));
  if (!offset) {
    return std::nullopt;
  }
  const auto moment = *date + hours(hour) + minutes(minute - *offset) +
                      seconds(std::min(second, 59)) + milliseconds(millis);
  return duration_cast<milliseconds>(moment.time_since_epoch()).count();
}

std::string format_rfc3339(std::int64_t unix_ms) {
  const sys_time<milliseconds> moment{milliseconds(unix_ms)};
  const auto day = floor<days>(moment);
  const year_month_day date{day};
  const hh_mm_ss<milliseconds> time{moment - day};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()),
                static_cast<long>(time.subseconds().count()));
  return buffer;
}

std::int64_t now_unix_ms() {
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace sentinelle
