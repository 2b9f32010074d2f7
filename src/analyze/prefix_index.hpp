#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sentinelle {

// One-word prefix entries ("rembours*"), matched token by token instead of through the
// RE2::Set: one bitmap test on the token's first two bytes rejects almost every token, and the
// few left are compared with the stems that share those bytes.
class prefix_index {
 public:
  void add(std::string_view stem, std::uint32_t entry);
  bool empty() const { return stems_.empty(); }

  // Calls `found(entry)` for every stem that `form` starts with.
  template <typename Found>
  void for_each_match(std::string_view form, Found&& found) const {
    if (form.size() < 2) {
      return;
    }
    const std::uint16_t k = key(form);
    if ((bits_[k >> 6] & (1ULL << (k & 63))) == 0) {
      return;
    }
    for (const auto& [stem, entry] : stems_.at(k)) {
      if (form.starts_with(stem)) {
        found(entry);
      }
    }
  }

 private:
  static std::uint16_t key(std::string_view form) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(form[0]) |
                                      (static_cast<unsigned char>(form[1]) << 8));
  }

  std::array<std::uint64_t, 1024> bits_{};  // one bit per possible first two bytes
  std::unordered_map<std::uint16_t, std::vector<std::pair<std::string, std::uint32_t>>> stems_;
};

}  // namespace sentinelle
