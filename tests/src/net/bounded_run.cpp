#include "bounded_run.hpp"

#include <boost/asio/steady_timer.hpp>
#include <functional>

namespace sentinelle::testing {

boost::system::error_code run_bounded(boost::asio::io_context& context,
                                      const std::function<void(finish_function)>& start,
                                      const std::function<void()>& cancel,
                                      std::chrono::milliseconds limit) {
  using error_code = boost::system::error_code;
  error_code result;
  bool done = false;
  bool timed_out = false;
  boost::asio::steady_timer timer(context, limit);
  // A composed operation can be between two socket operations when the deadline fires (Beast's
  // websocket read answering a ping with a pong): the cancel then finds nothing to cancel and
  // the next socket read waits forever. So cancel again every few milliseconds until it ends.
  std::function<void(const error_code&)> on_deadline = [&](const error_code& ec) {
    if (ec || done) {
      return;
    }
    timed_out = true;
    cancel();
    timer.expires_after(std::chrono::milliseconds(5));
    timer.async_wait(on_deadline);
  };
  timer.async_wait(on_deadline);
  start([&](const error_code& ec) {
    done = true;
    result = ec;
    timer.cancel();
  });
  context.restart();
  context.run();
  return timed_out ? error_code(boost::asio::error::timed_out) : result;
}

}  // namespace sentinelle::testing
