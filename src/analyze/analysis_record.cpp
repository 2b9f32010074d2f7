#include "analyze/analysis_record.hpp"

#include <optional>
#include <vector>

#include "util/json_writer.hpp"

namespace sentinelle {
namespace {

// Varints go through a small buffer, appended once: a record holds ~70 of them, and a
// push_back each showed in the server's profile.
class varint_buffer {
 public:
  void put(std::uint64_t value) {
    while (value >= 0x80) {
      *cursor_++ = static_cast<char>((value & 0x7F) | 0x80);
      value >>= 7;
    }
    *cursor_++ = static_cast<char>(value);
  }
  void put_signed(std::int64_t value) {
    put((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
  }
  void append_to(std::string& out) {
    out.append(bytes_, cursor_);
    cursor_ = bytes_;
  }

 private:
  char bytes_[40]{};  // room for four 64-bit varints
  char* cursor_ = bytes_;
};

// Reads the record front to back; every read checks the bytes left, so a damaged record ends
// in nullopt, never in a read past its end.
class record_reader {
 public:
  explicit record_reader(std::string_view bytes) : bytes_(bytes) {}

  bool at_end() const { return position_ == bytes_.size(); }

  std::optional<std::uint8_t> byte() {
    if (at_end()) {
      return std::nullopt;
    }
    return static_cast<std::uint8_t>(bytes_[position_++]);
  }

  std::optional<std::uint64_t> varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto next = byte();
      if (!next) {
        return std::nullopt;
      }
      value |= static_cast<std::uint64_t>(*next & 0x7F) << shift;
      if ((*next & 0x80) == 0) {
        return value;
      }
    }
    return std::nullopt;  // longer than any 64-bit value
  }

  std::optional<double> thousandths_value() {
    const auto raw = varint();
    if (!raw) {
      return std::nullopt;
    }
    const auto value = static_cast<std::int64_t>((*raw >> 1) ^ (~(*raw & 1) + 1));
    return static_cast<double>(value) / 1000.0;
  }

  std::optional<std::string_view> bytes(std::uint64_t count) {
    if (count > bytes_.size() - position_) {
      return std::nullopt;
    }
    const std::string_view taken = bytes_.substr(position_, count);
    position_ += count;
    return taken;
  }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

struct record_summary {
  double score = 0.0;
  sentiment_label label = sentiment_label::neutral;
  std::uint32_t flags = 0;
  std::vector<std::uint8_t> topics;
};

std::optional<record_summary> read_summary(record_reader& in) {
  record_summary summary;
  const auto version = in.byte();
  const auto score = in.thousandths_value();
  const auto label = in.byte();
  const auto flags = in.varint();
  const auto topic_count = in.varint();
  if (version != analysis_record_writer::version || !score || !label ||
      *label > static_cast<std::uint8_t>(sentiment_label::positive) || !flags ||
      *flags >= (std::uint64_t{1} << flag_names.size()) || !topic_count ||
      *topic_count > topic_names.size()) {
    return std::nullopt;
  }
  summary.score = *score;
  summary.label = static_cast<sentiment_label>(*label);
  summary.flags = static_cast<std::uint32_t>(*flags);
  for (std::uint64_t i = 0; i < *topic_count; ++i) {
    const auto topic = in.byte();
    if (!topic || *topic >= topic_names.size()) {
      return std::nullopt;
    }
    summary.topics.push_back(*topic);
  }
  return summary;
}

bool append_match(record_reader& in, std::string& out) {
  const auto term_length = in.varint();
  const auto term = term_length ? in.bytes(*term_length) : std::nullopt;
  const auto start = in.varint();
  const auto length = in.varint();
  const auto weight = in.thousandths_value();
  if (!term || !start || !length || !weight || *start > UINT32_MAX ||
      *length > UINT32_MAX - *start) {
    return false;
  }
  append_match_members(out, *term, static_cast<std::uint32_t>(*start),
                       static_cast<std::uint32_t>(*start + *length), *weight);
  out.push_back('}');
  return true;
}

}  // namespace

analysis_record_writer::analysis_record_writer(std::string& out, double score,
                                               sentiment_label label, std::uint32_t flags,
                                               std::span<const std::uint8_t> topics)
    : out_(out) {
  out_.push_back(static_cast<char>(version));
  varint_buffer numbers;
  numbers.put_signed(json_thousandths(score));
  numbers.append_to(out_);
  out_.push_back(static_cast<char>(label));
  numbers.put(flags);
  numbers.put(topics.size());
  numbers.append_to(out_);
  out_.append(reinterpret_cast<const char*>(topics.data()), topics.size());
}

void analysis_record_writer::add_match(std::string_view term, std::uint32_t start,
                                       std::uint32_t end, double weight) {
  varint_buffer numbers;
  numbers.put(term.size());
  numbers.append_to(out_);
  out_.append(term);
  numbers.put(start);
  numbers.put(end - start);
  numbers.put_signed(json_thousandths(weight));
  numbers.append_to(out_);
}

bool append_analysis_record_json(std::string_view record, std::string& out) {
  record_reader in(record);
  const auto summary = read_summary(in);
  if (!summary) {
    return false;
  }
  const std::size_t size_before = out.size();
  out.push_back('{');
  append_summary_members(out, summary->score, summary->label, summary->flags, summary->topics);
  out.append(",\"matches\":[");
  for (bool first = true; !in.at_end(); first = false) {
    if (!first) {
      out.push_back(',');
    }
    if (!append_match(in, out)) {
      out.resize(size_before);
      return false;
    }
  }
  out.append("]}");
  return true;
}

}  // namespace sentinelle
