// Recall and precision over the synthetic set (tests/data/pii, tools/redact/make_pii_set.py):
// 1,320 verbatims, 1,125 planted personal data in every layout, and PII-free verbatims full of
// dates, prices and scores.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <string>
#include <vector>

#include "redactor_fixture.hpp"

namespace sentinelle {
namespace {

using testing::shared_redactor;

struct planted {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string token;
};

struct labelled_verbatim {
  std::string text;
  std::vector<planted> pii;
};

std::vector<labelled_verbatim> load_set() {
  simdjson::dom::parser parser;
  simdjson::dom::document_stream lines;
  std::vector<labelled_verbatim> set;
  if (parser.load_many(SENTINELLE_PII_SET).get(lines) != simdjson::SUCCESS) {
    ADD_FAILURE() << "cannot read " << SENTINELLE_PII_SET;
    return set;
  }
  for (auto line : lines) {
    labelled_verbatim& row = set.emplace_back();
    std::string_view text;
    simdjson::dom::array spans;
    EXPECT_EQ(line["text"].get(text), simdjson::SUCCESS);
    EXPECT_EQ(line["pii"].get(spans), simdjson::SUCCESS);
    row.text = text;
    for (auto span : spans) {
      std::uint64_t start = 0;
      std::uint64_t end = 0;
      std::string_view token;
      EXPECT_EQ(span["start"].get(start), simdjson::SUCCESS);
      EXPECT_EQ(span["end"].get(end), simdjson::SUCCESS);
      EXPECT_EQ(span["token"].get(token), simdjson::SUCCESS);
      row.pii.push_back({start, end, std::string(token)});
    }
  }
  return set;
}

struct tally {
  std::size_t planted = 0;
  std::size_t recalled = 0;     // planted PII wholly inside one replacement
  std::size_t right_token = 0;  // ... and replaced by the expected token
  std::size_t replacements = 0;
  std::size_t on_planted = 0;  // replacements that overlap planted PII

  double recall() const { return planted == 0 ? 0 : double(recalled) / double(planted); }
  double precision() const {
    return replacements == 0 ? 0 : double(on_planted) / double(replacements);
  }
};

void score(const labelled_verbatim& row, const std::vector<redaction>& found, tally& t) {
  for (const planted& pii : row.pii) {
    ++t.planted;
    for (const redaction& r : found) {
      if (r.begin <= pii.start && pii.end <= r.end) {
        ++t.recalled;
        t.right_token += pii_token(r.kind) == pii.token ? 1 : 0;
        break;
      }
    }
  }
  for (const redaction& r : found) {
    ++t.replacements;
    for (const planted& pii : row.pii) {
      if (r.begin < pii.end && pii.start < r.end) {
        ++t.on_planted;
        break;
      }
    }
  }
}

TEST(PiiSyntheticSet, RecallAndPrecision) {
  const auto set = load_set();
  ASSERT_GE(set.size(), 1000U);
  tally t;
  for (const labelled_verbatim& row : set) {
    const auto found = shared_redactor().find(row.text);
    score(row, found, t);
    for (const planted& pii : row.pii) {
      const bool covered = std::any_of(found.begin(), found.end(), [&](const redaction& r) {
        return r.begin <= pii.start && pii.end <= r.end;
      });
      EXPECT_TRUE(covered) << "missed: " << row.text.substr(pii.start, pii.end - pii.start)
                           << "\n  in: " << row.text;
    }
  }
  std::printf(
      "PII set: %zu verbatims, %zu planted; recall %.2f %% (%zu/%zu), precision %.2f %% "
      "(%zu/%zu), expected token %.2f %%\n",
      set.size(), t.planted, 100 * t.recall(), t.recalled, t.planted, 100 * t.precision(),
      t.on_planted, t.replacements, 100.0 * double(t.right_token) / double(t.planted));
  EXPECT_GE(t.recall(), 0.99);
  EXPECT_GE(t.precision(), 0.95);
  EXPECT_GE(double(t.right_token) / double(t.planted), 0.95);
}

TEST(PiiSyntheticSet, RedactionIsIdempotentOverTheSet) {
  for (const labelled_verbatim& row : load_set()) {
    std::string once;
    std::string twice;
    shared_redactor().redact(row.text, once);
    EXPECT_FALSE(shared_redactor().redact(once, twice)) << row.text << "\n  → " << once;
  }
}

}  // namespace
}  // namespace sentinelle
