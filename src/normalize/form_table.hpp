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
  // Forms of up to 8 bytes (most French words) sit in the slot itself, so a lookup touches one
  // cache line; longer ones are in the arena. 16 bytes: four slots per cache line. `tag` holds
  // the form's length (capped) and 24 bits of its hash, and is never 0: 0 marks an empty slot.
  static constexpr std::size_t inline_bytes = 8;
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t value = absent;
    std::uint64_t key = 0;  // short_key of a short form; a long one's offset in the arena
  };

  static std::uint64_t load8(const char* bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, 8);
    return word;
  }
  // The last `n` < 8 bytes as one word, every byte in its own place (so two forms of one length
  // differ here exactly when their bytes differ), with fixed-size loads only: a memcpy or memcmp
  // of variable length is a libc call, and showed in the profile per token.
  static std::uint64_t load_tail(const char* bytes, std::size_t n) {
    if (n >= 4) {
      std::uint32_t low = 0;
      std::uint32_t high = 0;
      std::memcpy(&low, bytes, 4);
      std::memcpy(&high, bytes + n - 4, 4);
      return low | (static_cast<std::uint64_t>(high) << ((n - 4) * 8));
    }
    if (n == 0) {
      return 0;
    }
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i]));
    };
    return byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
  }
  // A short form's bytes, each in its own place: two forms of one length share it exactly when
  // they share their bytes.
  static std::uint64_t short_key(std::string_view form) {
    if (form.size() == 8) {
      return load8(form.data());
    }
    return form.size() < 8 ? load_tail(form.data(), form.size()) : 0;
  }
  static bool same_bytes(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; n -= 8, a += 8, b += 8) {
      if (load8(a) != load8(b)) {
        return false;
      }
    }
    return load_tail(a, n) == load_tail(b, n);
  }

  static std::uint32_t tag_of(std::uint64_t h, std::size_t length) {
    const std::uint32_t capped = length < 255 ? static_cast<std::uint32_t>(length) : 255U;
    return (capped << 24) | static_cast<std::uint32_t>(h >> 40) | (capped == 0 ? 1U : 0U);
  }
  // `key` is short_key(form). A long form is in the arena after its length (4 bytes).
  bool holds(const slot& s, std::uint64_t key, std::string_view form) const {
    if (form.size() <= inline_bytes) {
      return s.key == key;
    }
    const char* stored = arena_.data() + s.key;
    std::uint32_t length = 0;
    std::memcpy(&length, stored, sizeof length);
    return length == form.size() && same_bytes(stored + sizeof length, form.data(), form.size());
  }
  struct probe {
    std::size_t index;
    std::uint32_t tag;
    std::uint64_t key;
  };
  probe locate(std::string_view form) const;
  std::string_view stored_form(const slot& s) const;
  void grow();

  std::vector<slot> slots_ = std::vector<slot>(64);
  std::string arena_;  // forms longer than inline_bytes, each after its length
  std::size_t size_ = 0;
};

}  // namespace sentinelle
