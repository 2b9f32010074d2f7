#include "net/graceful_close.hpp"

#include <array>
#include <boost/asio/buffer.hpp>

namespace sentinelle {

asio::awaitable<void> close_gracefully(beast::tcp_stream& stream,
                                       std::chrono::milliseconds linger) {
  constexpr std::size_t max_discarded = 4 * 1024 * 1024;  // a fast client cannot keep us here
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.expires_after(linger);
  std::array<char, 4096> discard{};
  for (std::size_t discarded = 0; discarded < max_discarded;) {
    auto [ec, bytes] = co_await stream.async_read_some(asio::buffer(discard), use_tuple);
    if (ec) {
      break;  // the client closed (the normal end), or the linger time is over
    }
    discarded += bytes;
  }
  stream.close();
}

}  // namespace sentinelle
