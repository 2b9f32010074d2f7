// Graceful stop over real sockets: in-flight responses are delivered, idle connections are
// closed, new connections are refused, and run() returns.
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <future>
#include <mutex>
#include <optional>

#include "test_client.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

// Holds the responder of /slow until the test answers it: a request kept in flight on demand.
struct parked_request {
  std::promise<void> arrived;
  std::mutex mutex;
  std::optional<responder> reply;

  router make() {
    router routes;
    routes.add("GET", "/slow", [this](const http_request&, responder r) {
      {
        const std::lock_guard lock(mutex);
        reply.emplace(std::move(r));
      }
      arrived.set_value();
    });
    routes.add("GET", "/hello", [](const http_request&, const responder& r) {
      r.send(json_response(200, "hello"));
    });
    return routes;
  }

  void answer(std::string body) {
    const std::lock_guard lock(mutex);
    reply->send(json_response(200, std::move(body)));
    reply.reset();
  }
};

bool refuses_connections(std::uint16_t port) {
  test_client probe(1s);
  return static_cast<bool>(probe.connect(port));
}

TEST(http_shutdown, stop_finishes_requests_in_flight_and_closes_the_rest) {
  parked_request parked;
  test_server server(parked.make());

  test_client idle;  // served once, now idle: must be closed by stop()
  ASSERT_FALSE(idle.connect(server.port()));
  ASSERT_TRUE(idle.request("GET", "/hello"));

  test_client busy;
  ASSERT_FALSE(busy.connect(server.port()));
  ASSERT_FALSE(busy.send(raw_request("GET", "/slow")));
  ASSERT_EQ(parked.arrived.get_future().wait_for(5s), std::future_status::ready);

  server.server().stop();
  EXPECT_TRUE(idle.wait_closed(5s));
  EXPECT_TRUE(eventually([&] { return refuses_connections(server.port()); }));
  EXPECT_FALSE(server.wait_stopped(0ms));  // still serving the request in flight

  parked.answer("late but delivered");
  const auto response = busy.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_EQ(response->body, "late but delivered");
  EXPECT_FALSE(response->keep_alive);  // stopping: Connection: close
  EXPECT_TRUE(busy.wait_closed(5s));
  EXPECT_TRUE(server.wait_stopped(5s));
}

TEST(http_shutdown, stop_without_connections_returns_promptly) {
  parked_request parked;
  test_server server(parked.make());
  server.server().stop();
  server.server().stop();  // idempotent
  EXPECT_TRUE(server.wait_stopped(5s));
}

TEST(http_shutdown, a_handler_may_stop_the_server) {
  http_server* self = nullptr;
  router routes;
  routes.add("POST", "/stop", [&self](const http_request&, const responder& reply) {
    self->stop();  // on a server thread
    reply.send(json_response(202, "stopping"));
  });
  test_server server(std::move(routes));
  self = &server.server();
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("POST", "/stop");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 202U);
  EXPECT_FALSE(response->keep_alive);
  EXPECT_TRUE(server.wait_stopped(5s));
}

TEST(http_shutdown, sigterm_calls_back_then_stops) {
  parked_request parked;
  std::atomic<int> received{0};
  test_server server(parked.make(), test_options(), [&](http_server& s) {
    s.handle_signals([&](int signal_number) { received = signal_number; });
  });
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_TRUE(client.request("GET", "/hello"));
  ASSERT_EQ(std::raise(SIGTERM), 0);  // Asio's handler is installed: the process lives on
  EXPECT_TRUE(server.wait_stopped(5s));
  EXPECT_EQ(received.load(), SIGTERM);
  EXPECT_TRUE(client.wait_closed(5s));
}

}  // namespace
}  // namespace sentinelle::testing
