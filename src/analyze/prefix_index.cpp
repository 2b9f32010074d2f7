#include "analyze/prefix_index.hpp"

#include <algorithm>

namespace sentinelle {

void prefix_index::add(std::string_view stem, std::uint32_t entry) {
  stems_.emplace_back(std::string(stem), entry);
  rebuild();
}

// The key length depends on the shortest stem, so the index is laid out again on each add:
// lexicons hold a few dozen stems, loaded once.
void prefix_index::rebuild() {
  key_length_ = max_key_length;
  for (const auto& [stem, entry] : stems_) {
    key_length_ = std::min(key_length_, stem.size());
  }
  bits_.fill(0);
  groups_.clear();
  for (std::size_t i = 0; i < stems_.size(); ++i) {
    const std::uint32_t k = key(stems_[i].first);
    const std::uint32_t bit = hash(k);
    bits_[bit >> 6] |= 1ULL << (bit & 63);
    groups_[k].push_back(i);
  }
}

}  // namespace sentinelle
