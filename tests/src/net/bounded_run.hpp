#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <functional>

namespace sentinelle::testing {

// The test clients' one way to wait: a server bug fails a test instead of hanging it.
using finish_function = std::function<void(const boost::system::error_code&)>;

// Runs the operation `start` begins on `context` until it calls its finish function or `limit`
// passes. On timeout `cancel` aborts it and the result is timed_out; the socket stays open, so
// tests can go on probing it.
boost::system::error_code run_bounded(boost::asio::io_context& context,
                                      const std::function<void(finish_function)>& start,
                                      const std::function<void()>& cancel,
                                      std::chrono::milliseconds limit);

}  // namespace sentinelle::testing
