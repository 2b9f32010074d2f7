#include "aggregate/score_summary.hpp"

#include <cmath>

namespace sentinelle {
namespace {

std::int64_t nps_responses(const score_totals& t) {
  return t.nps_promoters + t.nps_passives + t.nps_detractors;
}

double ratio(std::int64_t part, std::int64_t whole) {
  return static_cast<double>(part) / static_cast<double>(whole);
}

void append_nps(json_writer& json, const score_totals& t) {
  json.key("nps");
  const std::int64_t responses = nps_responses(t);
  if (responses == 0) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("score").value(nps_score(t));
  json.key("promoters").value(static_cast<long long>(t.nps_promoters));
  json.key("passives").value(static_cast<long long>(t.nps_passives));
  json.key("detractors").value(static_cast<long long>(t.nps_detractors));
  json.key("responses").value(static_cast<long long>(responses));
  json.key("margin_of_error").value(nps_margin_of_error(t));
  json.end_object();
}

void append_csat(json_writer& json, const score_totals& t) {
  json.key("csat");
  if (t.csat_responses == 0) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("score").value(100.0 * ratio(t.csat_satisfied, t.csat_responses));
  json.key("satisfied").value(static_cast<long long>(t.csat_satisfied));
  json.key("responses").value(static_cast<long long>(t.csat_responses));
  json.key("mean").value(ratio(t.csat_sum, t.csat_responses));
  json.end_object();
}

void append_ces(json_writer& json, const score_totals& t) {
  json.key("ces");
  if (t.ces_responses == 0) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("mean").value(ratio(t.ces_sum, t.ces_responses));
  json.key("easy").value(static_cast<long long>(t.ces_easy));
  json.key("responses").value(static_cast<long long>(t.ces_responses));
  json.end_object();
}

void append_sentiment(json_writer& json, const score_totals& t) {
  json.key("sentiment");
  if (t.verbatims == 0) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("mean").value(t.sentiment_sum / static_cast<double>(t.verbatims));
  json.key("negative").value(static_cast<long long>(t.negative_verbatims));
  json.key("verbatims").value(static_cast<long long>(t.verbatims));
  json.end_object();
}

// Always an object, zeros included: "no alert" is an answer, not a missing value.
void append_alerts(json_writer& json, const score_totals& t) {
  json.key("alerts").begin_object();
  json.key("open").value(static_cast<long long>(t.alerts_open));
  json.key("total").value(static_cast<long long>(t.alerts_total));
  json.end_object();
}

}  // namespace

double nps_score(const score_totals& t) {
  return 100.0 * ratio(t.nps_promoters - t.nps_detractors, nps_responses(t));
}

// 100 · 1.96 · √((p + d − (p − d)²) / n), p and d the shares of promoters and detractors.
double nps_margin_of_error(const score_totals& t) {
  const std::int64_t n = nps_responses(t);
  const double p = ratio(t.nps_promoters, n);
  const double d = ratio(t.nps_detractors, n);
  const double variance = std::max(0.0, p + d - (p - d) * (p - d));
  return 100.0 * 1.96 * std::sqrt(variance / static_cast<double>(n));
}

void append_score_group(json_writer& json, const score_totals& totals) {
  json.begin_object();
  json.key("key");
  if (totals.key.empty()) {
    json.null();
  } else {
    json.value(totals.key);
  }
  append_nps(json, totals);
  append_csat(json, totals);
  append_ces(json, totals);
  append_sentiment(json, totals);
  append_alerts(json, totals);
  json.end_object();
}

}  // namespace sentinelle
