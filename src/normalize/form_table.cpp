#include "normalize/form_table.hpp"

namespace sentinelle {

std::uint32_t form_table::find(std::string_view form) const {
  const std::uint64_t h = hash(form);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const slot& s = slots_[i];
    if (!s.used) {
      return absent;
    }
    if (s.hash == h && key(s) == form) {
      return s.value;
    }
  }
}

std::uint32_t& form_table::operator[](std::string_view form) {
  if ((size_ + 1) * 2 > slots_.size()) {  // keep the load under one half: short probes
    grow();
  }
  const std::uint64_t h = hash(form);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    slot& s = slots_[i];
    if (s.used && s.hash == h && key(s) == form) {
      return s.value;
    }
    if (!s.used) {
      s = {h, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(form.size()),
           absent, true};
      arena_.append(form);
      ++size_;
      return s.value;
    }
  }
}

void form_table::grow() {
  std::vector<slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const slot& s : old) {
    if (!s.used) {
      continue;
    }
    std::size_t i = s.hash & mask;
    while (slots_[i].used) {
      i = (i + 1) & mask;
    }
    slots_[i] = s;
  }
}

}  // namespace sentinelle
