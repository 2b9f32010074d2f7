#include "analyze/lexicon_entry.hpp"

#include <algorithm>

namespace sentinelle {
namespace {

template <std::size_t N>
std::optional<std::uint8_t> index_of(const std::array<std::string_view, N>& names,
                                     std::string_view name) {
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) {
    return std::nullopt;
  }
  return static_cast<std::uint8_t>(found - names.begin());
}

}  // namespace

std::optional<std::uint8_t> find_topic(std::string_view name) {
  return index_of(topic_names, name);
}
std::optional<std::uint8_t> find_flag(std::string_view name) {
  return index_of(flag_names, name);
}

}  // namespace sentinelle
