#pragma once

#include <string>

namespace sentinelle {

// An exclusive advisory lock (flock) on a file, held for the object's life and released by the
// kernel if the process dies. The SQLite store holds one on `<database>-lock`: one process at a
// time may write a store (storage/README.md, "One process per file").
class file_lock {
 public:
  file_lock() = default;
  ~file_lock();
  file_lock(file_lock&& other) noexcept;
  file_lock& operator=(file_lock&& other) noexcept;
  file_lock(const file_lock&) = delete;
  file_lock& operator=(const file_lock&) = delete;

  // Creates `path` if needed and locks it without waiting; false with `error` when another
  // holder has it (or it cannot be opened).
  bool acquire(const std::string& path, std::string& error);

 private:
  void release();

  int fd_ = -1;
};

}  // namespace sentinelle
