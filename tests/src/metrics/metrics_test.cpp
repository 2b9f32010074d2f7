#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "metrics/histogram.hpp"
#include "metrics/prometheus_text.hpp"
#include "metrics/route_metrics.hpp"

namespace sentinelle {
namespace {

TEST(Histogram, CountsEachObservationInItsBucketCumulatively) {
  histogram h({1.0, 5.0, 10.0}, 1.0);
  for (const std::int64_t value : {0, 1, 2, 5, 6, 11, 100}) {
    h.observe(value);
  }
  const histogram::snapshot read = h.read();
  EXPECT_EQ(read.cumulative, (std::vector<std::uint64_t>{2, 4, 5, 7}));
  EXPECT_DOUBLE_EQ(read.sum, 125.0);
}

TEST(Histogram, LosesNothingUnderConcurrentObservers) {
  histogram h(latency_bounds_seconds(), 1e-9);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&h, t] {
      for (int i = 0; i < 10000; ++i) {
        h.observe((t + 1) * 1'000'000);  // 1..4 ms
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  const histogram::snapshot read = h.read();
  EXPECT_EQ(read.cumulative.back(), 40000U);
  EXPECT_NEAR(read.sum, 100.0, 1e-6);  // 10,000 × (1+2+3+4) ms
}

TEST(PrometheusText, WritesFamiliesSamplesAndEscapedLabels) {
  prometheus_text out;
  out.family("x_total", "counter", "Things.");
  out.sample("x_total", {{"route", "GET /a\"b\\c\nd"}}, std::uint64_t{3});
  out.sample("x_total", {}, 0.5);
  EXPECT_EQ(out.text(),
            "# HELP x_total Things.\n# TYPE x_total counter\n"
            "x_total{route=\"GET /a\\\"b\\\\c\\nd\"} 3\nx_total 0.5\n");
}

TEST(PrometheusText, WritesAHistogramWithInfAndCount) {
  histogram h({0.5}, 0.5);
  h.observe(1);  // 0.5
  h.observe(3);  // 1.5
  prometheus_text out;
  out.histogram_samples("d", {{"a", "b"}}, h.read());
  EXPECT_EQ(out.text(),
            "d_bucket{a=\"b\",le=\"0.5\"} 1\nd_bucket{a=\"b\",le=\"+Inf\"} 2\n"
            "d_sum{a=\"b\"} 2\nd_count{a=\"b\"} 2\n");
}

TEST(RouteMetrics, CountsByRouteAndStatusWithUnmatchedLast) {
  route_metrics metrics({"POST /v1/surveys", "GET /v1/scores"});
  metrics.answered(0, 200, 2'000'000);
  metrics.answered(0, 200, 3'000'000);
  metrics.answered(0, 401, 10'000);
  metrics.answered(2, 404, 1'000);
  metrics.answered(7, 999, 1'000);  // out of range: unmatched, status clamped
  prometheus_text out;
  metrics.write(out);
  const std::string& text = out.text();
  EXPECT_NE(text.find("sentinelle_http_requests_total{route=\"POST /v1/surveys\",status=\"200\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("{route=\"POST /v1/surveys\",status=\"401\"} 1"), std::string::npos);
  EXPECT_NE(text.find("{route=\"unmatched\",status=\"404\"} 1"), std::string::npos);
  EXPECT_NE(text.find("{route=\"unmatched\",status=\"599\"} 1"), std::string::npos);
  EXPECT_EQ(text.find("GET /v1/scores\",status"), std::string::npos);  // nothing counted
  EXPECT_NE(text.find("sentinelle_http_request_duration_seconds_count{route=\"POST /v1/surveys\"} 3"),
            std::string::npos);
}

}  // namespace
}  // namespace sentinelle
