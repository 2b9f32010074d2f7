#include "metrics/prometheus_text.hpp"

#include <cmath>
#include <charconv>

namespace sentinelle {
namespace {

void append_escaped(std::string& out, std::string_view value) {
  for (const char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      out.push_back(c);
    }
  }
}

std::string number_text(double value) {
  if (std::isinf(value)) {
    return value > 0 ? "+Inf" : "-Inf";
  }
  char buffer[32];  // the shortest text that reads back as the same double
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, written.ptr);
}

}  // namespace

void prometheus_text::family(std::string_view name, std::string_view type, std::string_view help) {
  text_.append("# HELP ").append(name).push_back(' ');
  text_.append(help).push_back('\n');
  text_.append("# TYPE ").append(name).push_back(' ');
  text_.append(type).push_back('\n');
}

void prometheus_text::write_labels(labels with, std::string_view extra_name,
                                   std::string_view extra_value) {
  if (with.size() == 0 && extra_name.empty()) {
    return;
  }
  text_.push_back('{');
  const char* separator = "";
  for (const auto& [name, value] : with) {
    text_.append(separator).append(name).append("=\"");
    append_escaped(text_, value);
    text_.push_back('"');
    separator = ",";
  }
  if (!extra_name.empty()) {
    text_.append(separator).append(extra_name).append("=\"");
    append_escaped(text_, extra_value);
    text_.push_back('"');
  }
  text_.push_back('}');
}

void prometheus_text::sample(std::string_view name, labels with, double value) {
  text_.append(name);
  write_labels(with);
  text_.append(" ").append(number_text(value)).push_back('\n');
}

void prometheus_text::sample(std::string_view name, labels with, std::uint64_t value) {
  text_.append(name);
  write_labels(with);
  text_.append(" ").append(std::to_string(value)).push_back('\n');
}

void prometheus_text::histogram_samples(std::string_view name, labels with,
                                        const histogram::snapshot& values) {
  const std::string bucket = std::string(name) + "_bucket";
  for (std::size_t i = 0; i < values.cumulative.size(); ++i) {
    const std::string bound =
        i < values.bounds.size() ? number_text(values.bounds[i]) : std::string("+Inf");
    text_.append(bucket);
    write_labels(with, "le", bound);
    text_.append(" ").append(std::to_string(values.cumulative[i])).push_back('\n');
  }
  sample(std::string(name) + "_sum", with, values.sum);
  sample(std::string(name) + "_count", with,
         values.cumulative.empty() ? std::uint64_t{0} : values.cumulative.back());
}

}  // namespace sentinelle
