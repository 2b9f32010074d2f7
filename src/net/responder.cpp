#include "net/responder.hpp"

#include <atomic>
#include <utility>

namespace sentinelle {

class responder::state {
 public:
  explicit state(deliver_function deliver) : deliver_(std::move(deliver)) {}
  state(const state&) = delete;
  state& operator=(const state&) = delete;

  // The last copy of the responder is gone: answer for the handler that did not.
  ~state() {
    if (!sent_.exchange(true)) {
      deliver_(json_error(500, "internal_error", "the request handler did not answer"));
    }
  }

  void send(http_response response) {
    if (!sent_.exchange(true)) {
      // Released as soon as it has run: it refers to the session's executor, which must not
      // outlive the server, whereas copies of the responder may (a worker's closure).
      auto deliver = std::move(deliver_);
      deliver_ = nullptr;
      deliver(std::move(response));
    }
  }

  bool sent() const { return sent_.load(); }

 private:
  std::atomic<bool> sent_{false};
  deliver_function deliver_;
};

responder::responder(deliver_function deliver)
    : state_(std::make_shared<state>(std::move(deliver))) {}

void responder::send(http_response response) const {
  state_->send(std::move(response));
}

bool responder::sent() const {
  return state_->sent();
}

}  // namespace sentinelle
