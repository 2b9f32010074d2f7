#include "net/route_pattern.hpp"

#include <algorithm>
#include <stdexcept>

namespace sentinelle {
namespace {

[[noreturn]] void reject(std::string_view pattern, std::string_view why) {
  throw std::invalid_argument("route \"" + std::string(pattern) + "\": " + std::string(why));
}

}  // namespace

route_pattern::route_pattern(std::string_view pattern) : text_(pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    reject(pattern, "must start with '/'");
  }
  std::string_view rest = pattern.substr(1);
  for (;;) {
    const auto slash = rest.find('/');
    segments_.push_back(parse_segment(rest.substr(0, slash), pattern));
    if (slash == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(slash + 1);
  }
  for (auto it = segments_.begin(); it != segments_.end(); ++it) {
    const auto same_name = [&](const segment& s) { return s.is_param && s.text == it->text; };
    if (it->is_param && std::any_of(std::next(it), segments_.end(), same_name)) {
      reject(pattern, "parameter {" + it->text + "} appears twice");
    }
  }
}

route_pattern::segment route_pattern::parse_segment(std::string_view text,
                                                    std::string_view pattern) {
  const bool braced = text.size() >= 2 && text.front() == '{' && text.back() == '}';
  const auto inner = braced ? text.substr(1, text.size() - 2) : text;
  if (inner.find_first_of("{}") != std::string_view::npos) {
    reject(pattern, "a segment is either a literal or one whole {name}");
  }
  if (braced && inner.empty()) {
    reject(pattern, "empty parameter name");
  }
  return segment{std::string(inner), braced};
}

bool route_pattern::match(const std::vector<std::string>& segments, http_fields& params) const {
  if (segments.size() != segments_.size()) {
    return false;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const bool ok = segments_[i].is_param ? !segments[i].empty() : segments[i] == segments_[i].text;
    if (!ok) {
      return false;
    }
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments_[i].is_param) {
      params.emplace_back(segments_[i].text, segments[i]);
    }
  }
  return true;
}

bool route_pattern::more_specific_than(const route_pattern& other) const {
  const auto count = std::min(segments_.size(), other.segments_.size());
  for (std::size_t i = 0; i < count; ++i) {
    if (segments_[i].is_param != other.segments_[i].is_param) {
      return !segments_[i].is_param;
    }
  }
  return false;
}

bool route_pattern::same_shape(const route_pattern& other) const {
  return std::equal(segments_.begin(), segments_.end(), other.segments_.begin(),
                    other.segments_.end(), [](const segment& a, const segment& b) {
                      return a.is_param == b.is_param && (a.is_param || a.text == b.text);
                    });
}

}  // namespace sentinelle
