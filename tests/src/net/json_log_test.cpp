#include "net/json_log.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ringbuffer_sink.h>

namespace sentinelle {
namespace {

TEST(log_fields, builds_escaped_members) {
  const auto fields = log_fields("request")
                          .add("path", "/v1/\"x\"\n")
                          .add("status", std::uint64_t{404})
                          .add_ms("duration_ms", 1.23456);
  EXPECT_EQ(fields.text(),
            R"("event":"request","path":"/v1/\"x\"\n","status":404,"duration_ms":1.235)");
}

TEST(log_fields, replaces_bytes_that_are_not_utf8) {
  EXPECT_EQ(log_fields("request").add("path", "/caf\xE9").text(),
            R"("event":"request","path":"/caf?")");
}

TEST(json_logger, writes_one_json_object_per_line) {
  const auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(4);
  const auto logger = make_json_logger("net", sink);
  logger->info(log_fields("listening").add("port", std::uint64_t{8080}).text());
  const auto lines = sink->last_formatted();
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].rfind(R"({"time":")", 0), 0U) << lines[0];
  EXPECT_NE(lines[0].find(R"("level":"info","logger":"net","event":"listening","port":8080})"),
            std::string::npos)
      << lines[0];
}

}  // namespace
}  // namespace sentinelle
