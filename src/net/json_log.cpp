#include "net/json_log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <cmath>
#include <utility>

#include "net/json_text.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

std::shared_ptr<spdlog::logger> make_json_logger(const std::string& name,
                                                 std::shared_ptr<spdlog::sinks::sink> sink) {
  if (!sink) {
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  }
  auto logger = std::make_shared<spdlog::logger>(name, std::move(sink));
  logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","logger":"%n",%v})");
  logger->flush_on(spdlog::level::warn);
  logger->set_level(spdlog::get_level());  // the program's level ([log] level for the server)
  return logger;
}

log_fields::log_fields(std::string_view event) {
  text_.append(R"("event":)");
  append_json_text(text_, event);
}

void log_fields::add_key(std::string_view key) {
  text_.push_back(',');
  append_json_string(text_, key);
  text_.push_back(':');
}

log_fields& log_fields::add(std::string_view key, std::string_view value) {
  add_key(key);
  append_json_text(text_, value);
  return *this;
}

log_fields& log_fields::add(std::string_view key, std::uint64_t value) {
  add_key(key);
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  text_.append(buffer, end);
  return *this;
}

log_fields& log_fields::add_ms(std::string_view key, double milliseconds) {
  add_key(key);
  char buffer[32];
  const double value = std::isfinite(milliseconds) ? milliseconds : 0.0;
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3).ptr;
  text_.append(buffer, end);
  return *this;
}

}  // namespace sentinelle
