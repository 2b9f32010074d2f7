#include "normalize/form_table.hpp"

#include <bit>

namespace sentinelle {

// The slot holding `form`, or the empty one where it would go: one probe loop for find and
// insert. Inlined: find runs once per token, and a call returning the probe cost 4 % of
// BM_normalize.
[[gnu::always_inline]] inline form_table::probe form_table::locate(std::string_view form) const {
  const std::uint64_t h = hash(form);
  probe found{0, tag_of(h, form.size()), short_key(form)};
  const std::size_t mask = slots_.size() - 1;
  for (found.index = h & mask;; found.index = (found.index + 1) & mask) {
    const slot& s = slots_[found.index];
    if (s.tag == 0 || (s.tag == found.tag && holds(s, found.key, form))) {
      return found;
    }
  }
}

std::uint32_t form_table::find(std::string_view form) const {
  const slot& s = slots_[locate(form).index];
  return s.tag == 0 ? absent : s.value;
}

std::uint32_t& form_table::operator[](std::string_view form) {
  if ((size_ + 1) * 2 > slots_.size()) {  // keep the load under one half: short probes
    grow();
  }
  const probe found = locate(form);
  slot& s = slots_[found.index];
  if (s.tag == 0) {
    s = {found.tag, absent, found.key};
    if (form.size() > inline_bytes) {
      s.key = arena_.size();
      const auto length = static_cast<std::uint32_t>(form.size());
      arena_.append(reinterpret_cast<const char*>(&length), sizeof length);
      arena_.append(form);
    }
    ++size_;
  }
  return s.value;
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
