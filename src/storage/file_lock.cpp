#include "storage/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

namespace sentinelle {

file_lock::~file_lock() {
  release();
}

file_lock::file_lock(file_lock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

file_lock& file_lock::operator=(file_lock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

bool file_lock::acquire(const std::string& path, std::string& error) {
  release();
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = "cannot open " + path + ": " + std::generic_category().message(errno);
    return false;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int cause = errno;
    ::close(fd);
    error = cause == EWOULDBLOCK
                ? path +
                      " is locked: another sentinelle has this database open (one process "
                      "per SQLite file; several instances share a PostgreSQL store)"
                : "cannot lock " + path + ": " + std::generic_category().message(cause);
    return false;
  }
  fd_ = fd;
  return true;
}

void file_lock::release() {
  if (fd_ >= 0) {
    ::close(fd_);  // closing the descriptor releases the lock
    fd_ = -1;
  }
}

}  // namespace sentinelle
