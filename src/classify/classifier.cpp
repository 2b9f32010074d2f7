#include "classify/classifier.hpp"

#include "analyze/lexicon_entry.hpp"

namespace sentinelle {
namespace {

// A verbatim this negative behind a promoter score is a mismatch worth a supervisor's look.
constexpr double strongly_negative = -0.5;

bool promoter_score(const event& e) {
  return (e.nps && *e.nps >= 9) || (e.csat && *e.csat == 5);
}

bool passive_or_better(const event& e) {
  const bool nps_ok = !e.nps || *e.nps >= 7;
  const bool csat_ok = !e.csat || *e.csat >= 3;
  const bool ces_ok = !e.ces || *e.ces >= 4;
  return nps_ok && csat_ok && ces_ok;
}

}  // namespace

std::optional<std::string_view> nps_category(std::optional<int> nps) {
  if (!nps) {
    return std::nullopt;
  }
  return *nps <= 6 ? "detractor" : *nps <= 8 ? "passive" : "promoter";
}

classification classify(const event& e, const analysis* verbatim) {
  classification result;
  std::vector<std::string>& reasons = result.reasons;
  if (e.nps && *e.nps <= 6) {
    reasons.emplace_back("score_detractor");
  }
  if (e.csat && *e.csat <= 2) {
    reasons.emplace_back("csat_dissatisfied");
  }
  if (e.ces && *e.ces <= 3) {
    reasons.emplace_back("high_effort");
  }
  const bool scored_detractor = !reasons.empty();
  const bool negative =
      verbatim != nullptr && !verbatim->error && verbatim->label == sentiment_label::negative;
  result.negative_verbatim = negative;
  if (negative) {
    reasons.emplace_back("negative_verbatim");
    if (!scored_detractor && passive_or_better(e)) {
      reasons.emplace_back("hidden_detractor");  // the score hides what the customer wrote
    }
    if (promoter_score(e) && verbatim->score <= strongly_negative) {
      reasons.emplace_back("score_text_mismatch");
    }
  }
  if (verbatim != nullptr) {
    for (std::size_t flag = 0; flag < flag_names.size(); ++flag) {
      if ((verbatim->flags & (1U << flag)) != 0) {
        reasons.emplace_back(flag_names[flag]);
      }
    }
  }
  result.detractor = !reasons.empty();
  if (result.detractor && e.kind == event_kind::message && e.is_public) {
    reasons.emplace_back("public");  // seen by everyone: answer fast
  }
  return result;
}

}  // namespace sentinelle
