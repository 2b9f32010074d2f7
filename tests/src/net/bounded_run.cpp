#include "bounded_run.hpp"

#include <boost/asio/steady_timer.hpp>

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
  timer.async_wait([&](const error_code& ec) {
    if (!ec && !done) {
      timed_out = true;
      cancel();
    }
  });
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
