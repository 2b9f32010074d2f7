#include "normalize/form_table.hpp"

namespace sentinelle {

std::uint32_t form_table::find(std::string_view form) const {
  const std::uint64_t h = hash(form);
  const std::uint32_t tag = tag_of(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const slot& s = slots_[i];
    if (s.length == 0) {
      return absent;
    }
    if (holds(s, tag, form)) {
      return s.value;
    }
  }
}

std::uint32_t& form_table::operator[](std::string_view form) {
  if ((size_ + 1) * 2 > slots_.size()) {  // keep the load under one half: short probes
    grow();
  }
  const std::uint64_t h = hash(form);
  const std::uint32_t tag = tag_of(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    slot& s = slots_[i];
    if (s.length == 0) {
      s = {tag, absent, static_cast<std::uint32_t>(arena_.size()),
           static_cast<std::uint32_t>(form.size())};
      arena_.append(form);
      ++size_;
      return s.value;
    }
    if (holds(s, tag, form)) {
      return s.value;
    }
  }
}

// Slots do not keep the full hash, so growing rehashes each key from the arena.
void form_table::grow() {
  std::vector<slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const slot& s : old) {
    if (s.length == 0) {
      continue;
    }
    std::size_t i = hash({arena_.data() + s.offset, s.length}) & mask;
    while (slots_[i].length != 0) {
      i = (i + 1) & mask;
    }
    slots_[i] = s;
  }
}

}  // namespace sentinelle
