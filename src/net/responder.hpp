#pragma once

#include <functional>
#include <memory>

#include "net/http_response.hpp"

namespace sentinelle {

// The one-shot reply channel a handler receives with its request. Copies share one state (a
// shared pointer), so a handler can hand a copy to a worker thread, a storage callback…
// - send() may be called from any thread; the first call wins, later ones are ignored.
// - when every copy is destroyed unsent, the client gets 500 `internal_error`: a handler that
//   forgets to answer (or throws away its work) never leaves a client hanging.
class responder {
 public:
  // `deliver` receives the one response, on the thread that sends it (or drops the last copy).
  using deliver_function = std::function<void(http_response)>;

  explicit responder(deliver_function deliver);

  void send(http_response response) const;
  bool sent() const;

 private:
  class state;
  std::shared_ptr<state> state_;
};

}  // namespace sentinelle
