#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "metrics/histogram.hpp"

namespace sentinelle {

// Writes the Prometheus text exposition format (version 0.0.4): one `# HELP` and `# TYPE` per
// family, then its samples. Label values are escaped (backslash, quote, newline), so a route or
// plugin name can never break the page.
class prometheus_text {
 public:
  using labels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  // Starts a family; `type` is counter, gauge or histogram.
  void family(std::string_view name, std::string_view type, std::string_view help);
  void sample(std::string_view name, labels with, double value);
  void sample(std::string_view name, labels with, std::uint64_t value);
  // The _bucket, _sum and _count samples of one labelled histogram of the current family.
  void histogram_samples(std::string_view name, labels with, const histogram::snapshot& values);

  const std::string& text() const { return text_; }

 private:
  void write_labels(labels with, std::string_view extra_name = {},
                    std::string_view extra_value = {});

  std::string text_;
};

}  // namespace sentinelle
