#include "analyze/prefix_index.hpp"

namespace sentinelle {

void prefix_index::add(std::string_view stem, std::uint32_t entry) {
  const std::uint16_t k = key(stem);
  bits_[k >> 6] |= 1ULL << (k & 63);
  stems_[k].emplace_back(std::string(stem), entry);
}

}  // namespace sentinelle
