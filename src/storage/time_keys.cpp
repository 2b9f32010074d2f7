#include "storage/time_keys.hpp"

#include <chrono>

namespace sentinelle {
namespace {

namespace chrono = std::chrono;

// Appends `value` zero-padded to `width` digits ("2026", "07").
void append_padded(std::string& out, long long value, std::size_t width) {
  const std::string digits = std::to_string(value);
  if (value >= 0 && digits.size() < width) {
    out.append(width - digits.size(), '0');
  }
  out += digits;
}

std::string format_month(const chrono::year_month_day& date) {
  std::string key;
  append_padded(key, static_cast<int>(date.year()), 4);
  key += '-';
  append_padded(key, static_cast<unsigned>(date.month()), 2);
  return key;
}

std::string format_date(const chrono::year_month_day& date) {
  std::string key = format_month(date);
  key += '-';
  append_padded(key, static_cast<unsigned>(date.day()), 2);
  return key;
}

// ISO 8601: the week holding the year's first Thursday is week 1, so a week takes the year of
// its Thursday (2027-01-01, a Friday, is in "2026-W53").
std::string format_iso_week(chrono::sys_days day) {
  const chrono::weekday weekday{day};
  const auto days_from_monday = static_cast<int>(weekday.iso_encoding()) - 1;
  const chrono::sys_days thursday = day - chrono::days{days_from_monday} + chrono::days{3};
  const chrono::year year = chrono::year_month_day{thursday}.year();
  const chrono::sys_days january_first = chrono::sys_days{year / chrono::January / 1};
  std::string key;
  append_padded(key, static_cast<int>(year), 4);
  key += "-W";
  append_padded(key, (thursday - january_first).count() / 7 + 1, 2);
  return key;
}

}  // namespace

std::string time_bucket_key(std::int64_t day_index, time_bucket bucket) {
  const chrono::sys_days day{chrono::days{day_index}};
  const chrono::year_month_day date{day};
  switch (bucket) {
    case time_bucket::day:
      return format_date(date);
    case time_bucket::week:
      return format_iso_week(day);
    case time_bucket::month:
      return format_month(date);
  }
  return {};  // unreachable: every enumerator is handled above
}

}  // namespace sentinelle
