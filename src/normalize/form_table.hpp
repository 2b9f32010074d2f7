#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace sentinelle {

// A read-mostly hash table from folded word forms to small integer values, looked up once per
// token. Open addressing over one flat array with the strings in one arena: the node-based
// std::unordered_map spent most of the matching time chasing pointers and hashing
// (perf on the 20 MB corpus).
class form_table {
 public:
  static constexpr std::uint32_t absent = UINT32_MAX;

  // Inserts `form` if new; returns its value slot (initialised to `absent`).
  std::uint32_t& operator[](std::string_view form);
  std::uint32_t find(std::string_view form) const;
  std::size_t size() const { return size_; }

  static std::uint64_t hash(std::string_view text) {
    // 8 bytes at a time with a multiply-xorshift mix: words are short, so this is a few
    // multiplications per token.
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ text.size();
    std::size_t at = 0;
    for (; at + 8 <= text.size(); at += 8) {
      h = (h ^ load8(text.data() + at)) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 32;
    }
    h = (h ^ load_tail(text.data() + at, text.size() - at)) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 29);
  }

 private:
  // 16 bytes: four slots per cache line. `tag` (the hash's high half) rejects most mismatches
  // before the key in the arena is touched; length 0 marks an empty slot (no form is empty).
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t value = absent;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
  };

  static std::uint64_t load8(const char* bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, 8);
    return word;
  }
  // The last `n` < 8 bytes as one word, every byte included, with fixed-size loads only: a
  // memcpy or memcmp of variable length is a libc call, and showed in the profile per token.
  static std::uint64_t load_tail(const char* bytes, std::size_t n) {
    if (n >= 4) {
      std::uint32_t low = 0;
      std::uint32_t high = 0;
      std::memcpy(&low, bytes, 4);
      std::memcpy(&high, bytes + n - 4, 4);
      return low | (static_cast<std::uint64_t>(high) << 32);
    }
    if (n == 0) {
      return 0;
    }
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i]));
    };
    return byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
  }
  static bool same_bytes(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; n -= 8, a += 8, b += 8) {
      if (load8(a) != load8(b)) {
        return false;
      }
    }
    return load_tail(a, n) == load_tail(b, n);
  }

  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
  bool holds(const slot& s, std::uint32_t tag, std::string_view form) const {
    return s.tag == tag && s.length == form.size() &&
           same_bytes(arena_.data() + s.offset, form.data(), form.size());
  }
  void grow();

  std::vector<slot> slots_ = std::vector<slot>(64);
  std::string arena_;
  std::size_t size_ = 0;
};

}  // namespace sentinelle
