#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
namespace sinks {
class sink;
}  // namespace sinks
}  // namespace spdlog

namespace sentinelle {

// A logger writing one JSON object per line, {"time":…,"level":…,"logger":…,<fields>}, to stderr
// or to `sink` (tests capture lines with an ostream sink). It is not put in spdlog's global
// registry, so each server (each test) can own one.
std::shared_ptr<spdlog::logger> make_json_logger(
    const std::string& name, std::shared_ptr<spdlog::sinks::sink> sink = nullptr);

// The members of one JSON log line. A JSON logger's message must be built here, never free
// text: every value is escaped, and client bytes that are not UTF-8 are replaced, so a hostile
// path cannot break or forge a log line.
class log_fields {
 public:
  explicit log_fields(std::string_view event);

  log_fields& add(std::string_view key, std::string_view value);
  log_fields& add(std::string_view key, std::uint64_t value);
  log_fields& add_ms(std::string_view key, double milliseconds);  // three decimals

  const std::string& text() const { return text_; }

 private:
  void add_key(std::string_view key);

  std::string text_;
};

}  // namespace sentinelle
