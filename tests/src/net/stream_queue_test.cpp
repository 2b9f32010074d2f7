// The bounded queue behind push_stream and the SSE framing, without sockets.
#include "net/stream_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "net/sse_format.hpp"

namespace sentinelle {
namespace {

std::string raw(std::string_view data, std::optional<std::int64_t>) {
  return std::string(data);
}

struct signals {
  std::atomic<int> wakes{0};
  std::atomic<int> overflows{0};

  stream_queue::notify_function notify() {
    return [this](stream_queue::signal what) {
      ++(what == stream_queue::signal::overflowed ? overflows : wakes);
    };
  }
};

TEST(sse_format, splits_data_on_every_line_end) {
  EXPECT_EQ(format_sse_event("a\nb\r\nc\rd", 12), "id: 12\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
  EXPECT_EQ(format_sse_event("plain", std::nullopt), "data: plain\n\n");
  EXPECT_EQ(format_sse_event("", std::nullopt), "data: \n\n");
  EXPECT_EQ(format_sse_event("ends\n", -3), "id: -3\ndata: ends\ndata: \n\n");
}

TEST(stream_queue, wakes_once_per_empty_to_full_transition) {
  signals seen;
  stream_queue queue({4, 1000}, &raw, seen.notify());
  EXPECT_TRUE(queue.push("a"));
  EXPECT_TRUE(queue.push("b"));
  EXPECT_EQ(seen.wakes, 1);
  const auto batch = queue.take();
  EXPECT_EQ(batch, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(queue.push("c"));
  EXPECT_EQ(seen.wakes, 2);
}

TEST(stream_queue, messages_count_until_sent) {
  signals seen;
  stream_queue queue({2, 1000}, &raw, seen.notify());
  EXPECT_TRUE(queue.push("a"));
  EXPECT_TRUE(queue.push("b"));
  const auto in_flight = queue.take();  // being written: still counted
  EXPECT_FALSE(queue.push("c"));
  EXPECT_EQ(seen.overflows, 1);
  EXPECT_EQ(queue.state(), stream_queue::queue_state::overflowed);
  EXPECT_FALSE(queue.open());
}

TEST(stream_queue, the_byte_limit_closes_too) {
  signals seen;
  stream_queue queue({100, 10}, &raw, seen.notify());
  EXPECT_TRUE(queue.push("12345"));
  queue.sent(queue.take());  // written: its bytes are free again
  EXPECT_TRUE(queue.push("1234567890"));
  EXPECT_FALSE(queue.push("1"));
  EXPECT_EQ(seen.overflows, 1);
  EXPECT_FALSE(queue.push("1"));  // already closed: no second overflow
  EXPECT_EQ(seen.overflows, 1);
}

TEST(stream_queue, close_keeps_what_is_queued_and_refuses_the_rest) {
  signals seen;
  stream_queue queue({10, 1000}, &raw, seen.notify());
  EXPECT_TRUE(queue.push("a"));
  queue.close();
  queue.close();
  EXPECT_FALSE(queue.push("b"));
  EXPECT_EQ(queue.state(), stream_queue::queue_state::closing);
  EXPECT_EQ(queue.take(), std::vector<std::string>{"a"});
  queue.end();
  EXPECT_EQ(queue.state(), stream_queue::queue_state::ended);
  EXPECT_EQ(seen.wakes, 2);  // the first push, the first close
}

// The connection took an empty batch; a push and a close came before it looked again. The
// close must not count as done: the pushed message is still to be written (a websocket test
// once received the close frame without the message pushed just before it).
TEST(stream_queue, a_close_is_done_only_once_what_was_pushed_before_it_is_taken) {
  signals seen;
  stream_queue queue({10, 1000}, &raw, seen.notify());
  EXPECT_TRUE(queue.take().empty());
  EXPECT_TRUE(queue.push("bye"));
  queue.close();
  EXPECT_EQ(queue.state(), stream_queue::queue_state::closing);
  EXPECT_FALSE(queue.drained_after_close());
  EXPECT_EQ(queue.take(), std::vector<std::string>{"bye"});
  EXPECT_TRUE(queue.drained_after_close());
}

TEST(stream_queue, concurrent_pushes_are_all_counted) {
  signals seen;
  stream_queue queue({100000, 100000000}, &raw, seen.notify());
  {
    std::vector<std::jthread> pushers;
    for (int t = 0; t < 4; ++t) {
      pushers.emplace_back([&queue] {
        for (int i = 0; i < 1000; ++i) {
          queue.push("message");
        }
      });
    }
  }
  EXPECT_EQ(queue.take().size(), 4000U);
  EXPECT_EQ(seen.overflows, 0);
}

}  // namespace
}  // namespace sentinelle
