#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "analyze/analysis.hpp"

namespace sentinelle {

// The compact form in which the SQLite store keeps an analysis with its matches, read back as
// the same JSON (CONTRACT §5) that append_analysis_json renders at analysis_detail::matches.
// The JSON is ~1.1 KB for a 300-byte comment, four fifths of it keys and punctuation; the
// record is ~350 bytes, so twice as many events fit in a page and a commit writes a third fewer
// pages (storage/README.md has the measurements).
//
// Layout, version 1 (varints are LEB128; signed values zigzag-encoded; numbers in thousandths,
// the precision the JSON shows, rounded as it rounds them: json_thousandths):
//   byte    1                       the version
//   varint  score                   signed thousandths
//   byte    label                   sentiment_label
//   varint  flags                   bit i is flag_names[i]
//   varint  topic count, then one byte per topic: its index in topic_names
//   then, until the end, one match each:
//   varint  term length, the term's UTF-8 bytes
//   varint  start; varint end - start (byte offsets)
//   varint  weight                  signed thousandths
class analysis_record_writer {
 public:
  static constexpr std::uint8_t version = 1;

  // Appends the version and the summary to `out`; matches follow through add_match.
  analysis_record_writer(std::string& out, double score, sentiment_label label, std::uint32_t flags,
                         std::span<const std::uint8_t> topics);
  void add_match(std::string_view term, std::uint32_t start, std::uint32_t end, double weight);

 private:
  std::string& out_;
};

// Appends the JSON of `record` to `out`; false, with `out` unchanged, when the record is not
// one this version reads (truncated, unknown version, a name index out of range).
bool append_analysis_record_json(std::string_view record, std::string& out);

}  // namespace sentinelle
