#include "normalize/form_table.hpp"

#include <bit>

namespace sentinelle {

std::uint32_t form_table::find(std::string_view form) const {
    const std::uint64_t h = hash(form);
    const std::uint32_t tag = tag_of(h, form.size());
    const std::uint64_t key = short_key(form);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const slot& s = slots_[i];
      if (s.tag == tag && holds(s, key, form)) {
        return s.value;
      }
      if (s.tag == 0) {
        return absent;
      }
    }
  }

std::uint32_t& form_table::operator[](std::string_view form) {
  if ((size_ + 1) * 2 > slots_.size()) {  // keep the load under one half: short probes
    grow();
  }
  const std::uint64_t h = hash(form);
  const std::uint32_t tag = tag_of(h, form.size());
  const std::uint64_t key = short_key(form);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    slot& s = slots_[i];
    if (s.tag == 0) {
      s = {tag, absent, key};
      if (form.size() > inline_bytes) {
        s.key = arena_.size();
        const auto length = static_cast<std::uint32_t>(form.size());
        arena_.append(reinterpret_cast<const char*>(&length), sizeof length);
        arena_.append(form);
      }
      ++size_;
      return s.value;
    }
    if (s.tag == tag && holds(s, key, form)) {
      return s.value;
    }
  }
}

std::string_view form_table::stored_form(const slot& s) const {
  if ((s.tag >> 24) > inline_bytes) {
    std::uint32_t length = 0;
    std::memcpy(&length, arena_.data() + s.key, sizeof length);
    return {arena_.data() + s.key + sizeof length, length};
  }
  // A short form is the low bytes of its key, in memory order.
  static_assert(std::endian::native == std::endian::little);
  return {reinterpret_cast<const char*>(&s.key), s.tag >> 24};
}

// Slots keep only part of the hash, so growing rehashes each form.
void form_table::grow() {
  std::vector<slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const slot& s : old) {
    if (s.tag == 0) {
      continue;
    }
    std::size_t i = hash(stored_form(s)) & mask;
    while (slots_[i].tag != 0) {
      i = (i + 1) & mask;
    }
    slots_[i] = s;
  }
}

}  // namespace sentinelle
