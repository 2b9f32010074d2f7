#include "net/rate_limiter.hpp"

#include <algorithm>
#include <mutex>
#include <random>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace sentinelle {
namespace {

// The finalizer of splitmix64: every input bit moves about half of the output bits, so keys that
// differ little (neighbouring addresses) land in unrelated shards and map buckets.
std::uint64_t mix(std::uint64_t value) {
  value ^= value >> 30;
  value *= 0xbf58476d1ce4e5b9ULL;
  value ^= value >> 27;
  value *= 0x94d049bb133111ebULL;
  value ^= value >> 31;
  return value;
}

struct seeded_hash {
  std::uint64_t seed = 0;
  std::size_t operator()(std::uint64_t key) const noexcept { return mix(key ^ seed); }
};

// Key → theoretical arrival time (ns on the steady clock) of the next request at the
// sustained rate. A time at or before now is a full bucket.
using arrival_table = std::unordered_map<std::uint64_t, std::int64_t, seeded_hash>;

std::uint64_t random_seed() {
  std::random_device device;
  return (std::uint64_t{device()} << 32) ^ device();
}

// Makes room for one more key: forgets every full bucket (they hold no information) and, when
// that frees less than a quarter of the table, the buckets closest to full until it does. Two
// passes over one shard, once per quarter of its capacity: O(1) amortized per new key.
void forget_some(arrival_table& arrivals, std::int64_t now_ns, std::size_t capacity) {
  thread_local std::vector<std::int64_t> times;  // reused: no allocation under a flood
  times.clear();
  std::erase_if(arrivals, [now_ns](const auto& entry) {
    if (entry.second <= now_ns) {
      return true;
    }
    times.push_back(entry.second);
    return false;
  });
  const std::size_t target = capacity - std::max<std::size_t>(1, capacity / 4);
  if (arrivals.size() <= target) {
    return;
  }
  const std::size_t drop = arrivals.size() - target;
  const auto nth = times.begin() + static_cast<std::ptrdiff_t>(drop - 1);
  std::nth_element(times.begin(), nth, times.end());
  const std::int64_t threshold = *nth;
  // Everything before the threshold goes, and only as many ties as needed: keys that arrived
  // at the same instant must not empty the table together.
  auto ties = static_cast<std::size_t>(std::count(times.begin(), nth + 1, threshold));
  std::erase_if(arrivals, [threshold, &ties](const auto& entry) {
    return entry.second < threshold || (entry.second == threshold && ties > 0 && ties-- > 0);
  });
}

std::int64_t to_ns(rate_limiter::clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

}  // namespace

struct alignas(64) rate_limiter::shard {  // one cache line each: no false sharing of locks
  mutable std::mutex mutex;
  arrival_table arrivals;
};

rate_limiter::rate_limiter(rate_limit limit, std::size_t max_keys, std::size_t shards) {
  if (limit.per_second == 0) {
    return;  // unlimited: no table at all
  }
  if (limit.burst == 0 || max_keys == 0) {
    throw std::invalid_argument("rate_limiter: burst and max_keys must be positive");
  }
  interval_ns_ = std::max<std::int64_t>(1, 1'000'000'000 / limit.per_second);
  depth_ns_ = interval_ns_ * limit.burst;  // at most ~4.3e18: fits
  shard_count_ = std::clamp<std::size_t>(shards, 1, max_keys);
  shard_capacity_ = max_keys / shard_count_;
  seed_ = random_seed();
  shards_ = std::make_unique<shard[]>(shard_count_);
  for (std::size_t i = 0; i < shard_count_; ++i) {
    shards_[i].arrivals = arrival_table(0, seeded_hash{seed_});
  }
}

rate_limiter::~rate_limiter() = default;

rate_limiter::shard& rate_limiter::shard_of(std::uint64_t key) const {
  return shards_[mix(key ^ seed_) % shard_count_];
}

rate_limiter::decision rate_limiter::acquire(std::uint64_t key, clock::time_point now) {
  if (unlimited()) {
    return {};
  }
  const std::int64_t now_ns = to_ns(now);
  shard& table = shard_of(key);
  const std::lock_guard lock(table.mutex);
  const auto found = table.arrivals.find(key);
  if (found == table.arrivals.end()) {
    if (table.arrivals.size() >= shard_capacity_) {
      forget_some(table.arrivals, now_ns, shard_capacity_);
    }
    table.arrivals.emplace(key, now_ns + interval_ns_);  // a new bucket is full: burst >= 1
    return {};
  }
  const std::int64_t next = std::max(found->second, now_ns) + interval_ns_;
  const std::int64_t ahead = next - now_ns;
  if (ahead > depth_ns_) {
    const std::int64_t wait_ns = ahead - depth_ns_;  // until one token has dripped back in
    const std::int64_t whole_seconds = (wait_ns + 999'999'999) / 1'000'000'000;
    return {false, std::chrono::seconds(std::max<std::int64_t>(1, whole_seconds))};
  }
  found->second = next;
  return {};
}

std::size_t rate_limiter::tracked() const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < shard_count_; ++i) {
    const std::lock_guard lock(shards_[i].mutex);
    total += shards_[i].arrivals.size();
  }
  return total;
}

}  // namespace sentinelle
