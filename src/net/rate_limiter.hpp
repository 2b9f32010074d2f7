#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace sentinelle {

// A token bucket's shape: refills `per_second` tokens a second, holds at most `burst`.
struct rate_limit {
  std::uint32_t per_second = 0;  // 0: unlimited (the limiter allows everything, tracks nothing)
  std::uint32_t burst = 1;       // requests allowed at once from a full bucket; at least 1
};

// Token buckets by key (a client's address, a token's hash), shared by every server thread.
// Each bucket is kept as its theoretical arrival time (GCRA): one integer per key, the same
// decisions as a token bucket, and a bucket that has refilled to full is simply a time in the
// past, which carries no information and can be forgotten.
//
// Memory is bounded: at most `max_keys` buckets. A full table first forgets its full buckets
// (lossless); if too few are full (many distinct clients busy at once), it forgets the quarter
// closest to full, so a flood of addresses costs O(1) amortized per new key and the forgotten
// clients only regain the few tokens they were missing. Keys are spread over `shards` independently
// locked tables, hashed with a per-process random seed so that clients cannot choose colliding
// keys.
class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  struct decision {
    bool allowed = true;
    std::chrono::seconds retry_after{0};  // when refused: whole seconds, at least 1
  };

  // Throws std::invalid_argument on a burst of 0 (with a rate) or a max_keys of 0.
  rate_limiter(rate_limit limit, std::size_t max_keys, std::size_t shards = 64);
  ~rate_limiter();
  rate_limiter(const rate_limiter&) = delete;
  rate_limiter& operator=(const rate_limiter&) = delete;

  bool unlimited() const { return interval_ns_ == 0; }

  // Takes one token from `key`'s bucket at time `now`, or says when one will be there.
  // Thread-safe; `now` is injected so that tests need no sleeps.
  decision acquire(std::uint64_t key, clock::time_point now);

  std::size_t tracked() const;  // buckets held now, at most max_keys

 private:
  struct shard;
  shard& shard_of(std::uint64_t key) const;

  std::int64_t interval_ns_ = 0;  // one token's worth of time
  std::int64_t depth_ns_ = 0;     // burst tokens' worth: how far ahead a bucket may run
  std::size_t shard_count_ = 0;
  std::size_t shard_capacity_ = 0;  // keys per shard: shard_count_ * shard_capacity_ <= max_keys
  std::uint64_t seed_ = 0;
  std::unique_ptr<shard[]> shards_;
};

}  // namespace sentinelle
