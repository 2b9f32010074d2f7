// The real server over real sockets: routing, keep-alive, asynchronous handlers, logs.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "test_client.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

http_handler answer(std::string body) {
  return
      [body](const http_request&, const responder& reply) { reply.send(json_response(200, body)); };
}

// Answers from a worker thread after `delay`: the shape of a handler waiting on storage.
http_handler answer_later(worker_threads& workers, std::chrono::milliseconds delay,
                          std::string body) {
  return [&workers, delay, body](const http_request&, responder reply) {
    workers.run([reply = std::move(reply), delay, body] {
      std::this_thread::sleep_for(delay);
      reply.send(json_response(200, body));
    });
  };
}

router echo_routes() {
  router routes;
  routes.add("GET", "/hello", answer(R"({"hello":"world"})"));
  routes.add("GET", "/v1/surveys/{id}", [](const http_request& request, const responder& reply) {
    reply.send(json_response(200, std::string(request.path_param("id")) + "|" +
                                      std::string(request.query_param("team_id").value_or("-")) +
                                      "|" + std::string(request.header("x-trace").value_or("-")) +
                                      "|" + request.remote_address));
  });
  routes.add("POST", "/echo", [](const http_request& request, const responder& reply) {
    http_response response = json_response(201, request.body);
    response.content_type = "text/plain";
    response.headers.emplace_back("X-Method", request.method);
    reply.send(std::move(response));
  });
  routes.add("GET", "/drop", [](const http_request&, responder) {});
  routes.add("GET", "/throw", [](const http_request&, responder) -> void {
    throw std::runtime_error("handler bug");
  });
  return routes;
}

TEST(http_server, routes_with_path_query_and_headers) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response =
      client.request("GET", "/v1/surveys/srv%2D1?team_id=t+3", {}, {{"X-Trace", "abc"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_EQ(response->body, "srv-1|t 3|abc|127.0.0.1");
  EXPECT_EQ(response->header("Content-Type"), "application/json");
  // RFC 9110 IMF-fixdate, e.g. "Mon, 23 Nov 2026 19:05:07 GMT" (std::regex trips GCC 12's
  // -Wmaybe-uninitialized under the sanitizers, so the shape is checked by hand).
  const std::string date = response->header("Date");
  ASSERT_EQ(date.size(), 29U) << date;
  EXPECT_EQ(date.substr(3, 2), ", ");
  EXPECT_EQ(date.substr(25), " GMT");
  EXPECT_EQ(date[19], ':');
  EXPECT_EQ(date[22], ':');
}

TEST(http_server, unknown_path_is_404_and_wrong_method_405) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto missing = client.request("GET", "/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404U);
  EXPECT_EQ(missing->body, R"({"error":{"code":"not_found","message":"no such resource"}})");
  const auto wrong = client.request("DELETE", "/hello");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405U);
  EXPECT_EQ(wrong->header("Allow"), "GET, HEAD");
  EXPECT_NE(wrong->body.find(R"("code":"method_not_allowed")"), std::string::npos);
  EXPECT_TRUE(wrong->keep_alive);
}

TEST(http_server, keeps_the_connection_alive_between_requests) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  for (int i = 0; i < 2; ++i) {
    const auto response = client.request("POST", "/echo", "body " + std::to_string(i));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 201U);
    EXPECT_EQ(response->body, "body " + std::to_string(i));
    EXPECT_EQ(response->header("X-Method"), "POST");
    EXPECT_TRUE(response->keep_alive);
  }
  EXPECT_EQ(server.server().stats().connections_accepted, 1U);
  EXPECT_EQ(server.server().stats().requests, 2U);
}

TEST(http_server, answers_pipelined_requests_in_order) {
  worker_threads workers;
  router routes = echo_routes();
  routes.add("GET", "/slow", answer_later(workers, 100ms, "slow"));
  test_server server(std::move(routes));
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send(raw_request("GET", "/slow") + raw_request("GET", "/hello")));
  const auto first = client.read_response();
  const auto second = client.read_response();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "slow");
  EXPECT_EQ(second->body, R"({"hello":"world"})");
}

// Most requests are parsed from the first read's bytes; these arrive in pieces, so the parse
// goes on with reads: a header cut mid-line, a body after a pause, chunks one by one, and a
// whole request followed by half of the next.
TEST(http_server, reads_requests_that_arrive_in_pieces) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto pause = [] { std::this_thread::sleep_for(30ms); };
  const std::string request = raw_request("POST", "/echo", "in pieces");
  const std::size_t header_end = request.find("\r\n\r\n") + 4;
  ASSERT_FALSE(client.send(request.substr(0, 9)));
  pause();
  ASSERT_FALSE(client.send(request.substr(9, header_end - 9)));
  pause();
  ASSERT_FALSE(client.send(request.substr(header_end)));
  auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 201U);
  EXPECT_EQ(response->body, "in pieces");

  ASSERT_FALSE(client.send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"));
  pause();
  ASSERT_FALSE(client.send("2\r\nde\r\n"));
  pause();
  ASSERT_FALSE(client.send("0\r\n\r\n"));
  response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "abcde");

  const std::string next = raw_request("POST", "/echo", "second");
  ASSERT_FALSE(client.send(raw_request("POST", "/echo", "first") + next.substr(0, 20)));
  response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "first");
  pause();
  ASSERT_FALSE(client.send(next.substr(20)));
  response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "second");
  EXPECT_TRUE(response->keep_alive);
}

// Larger than the socket's send buffer: the first write takes what the kernel accepts and an
// asynchronous one the rest; the connection then serves the next request.
TEST(http_server, answers_a_body_larger_than_the_socket_buffer) {
  router routes = echo_routes();
  std::string big(16 << 20, 'b');
  big.back() = 'e';
  routes.add("GET", "/big", [big](const http_request&, const responder& reply) {
    reply.send(json_response(200, big));
  });
  test_server server(std::move(routes));
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("GET", "/big");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body.size(), big.size());
  EXPECT_TRUE(response->body == big);
  const auto next = client.request("GET", "/hello");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, R"({"hello":"world"})");
}

TEST(http_server, handler_may_answer_later_from_another_thread) {
  worker_threads workers;
  router routes;
  routes.add("GET", "/later", answer_later(workers, 50ms, "later"));
  test_server server(std::move(routes));
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("GET", "/later");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_EQ(response->body, "later");
}

// What the storage writer hands over: it runs on one of the server's threads, not the caller's.
TEST(http_server, posted_work_runs_on_a_server_thread) {
  test_server server(echo_routes());
  std::promise<std::thread::id> ran_on;
  auto ran = ran_on.get_future();
  server.server().post([&ran_on] { ran_on.set_value(std::this_thread::get_id()); });
  ASSERT_EQ(ran.wait_for(5s), std::future_status::ready);
  EXPECT_NE(ran.get(), std::this_thread::get_id());
}

TEST(http_server, dropped_responder_gives_500_and_the_connection_lives_on) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto dropped = client.request("GET", "/drop");
  ASSERT_TRUE(dropped);
  EXPECT_EQ(dropped->status, 500U);
  EXPECT_NE(dropped->body.find(R"("code":"internal_error")"), std::string::npos);
  const auto next = client.request("GET", "/hello");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200U);
}

TEST(http_server, throwing_handler_gives_500) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("GET", "/throw");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 500U);
  EXPECT_NE(response->body.find(R"("code":"internal_error")"), std::string::npos);
}

TEST(http_server, head_gets_the_length_without_the_body) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("HEAD", "/hello");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_EQ(response->header("Content-Length"), "17");
  EXPECT_TRUE(response->body.empty());
  const auto next = client.request("GET", "/hello");  // the stream is still in step
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, R"({"hello":"world"})");
}

TEST(http_server, http_1_0_request_is_answered_then_closed) {
  test_server server(echo_routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send("GET /hello HTTP/1.0\r\n\r\n"));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_FALSE(response->keep_alive);
  EXPECT_TRUE(client.wait_closed(5s));
}

TEST(http_server, serves_many_clients_at_once) {
  http_server_options options = test_options();
  options.threads = 4;
  test_server server(echo_routes(), options);
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      test_client client;
      if (client.connect(server.port())) {
        return;
      }
      for (int i = 0; i < 25; ++i) {
        const std::string body = std::to_string(c) + "-" + std::to_string(i);
        const auto response = client.request("POST", "/echo", body);
        ok += response && response->body == body ? 1 : 0;
      }
    });
  }
  for (auto& thread : clients) {
    thread.join();
  }
  EXPECT_EQ(ok.load(), 200);
  // Counted once the write completes, which the client may see first.
  EXPECT_TRUE(eventually([&] { return server.server().stats().responses_2xx == 200; }));
}

TEST(http_server, logs_one_json_line_per_request_without_body_or_query) {
  test_server server(echo_routes());
  {
    test_client client;
    ASSERT_FALSE(client.connect(server.port()));
    ASSERT_TRUE(client.request("POST", "/echo", "secret-verbatim"));
    ASSERT_TRUE(client.request("GET", "/nope?token=secret-token"));
  }
  server.server().stop();
  ASSERT_TRUE(server.wait_stopped(5s));  // every log line is written once run() returns
  std::vector<std::string> requests;
  for (const auto& line : server.log_lines()) {
    EXPECT_EQ(line.find("secret"), std::string::npos) << line;
    EXPECT_EQ(line.front(), '{') << line;
    if (line.find(R"("event":"request")") != std::string::npos) {
      requests.push_back(line);
    }
  }
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_NE(requests[0].find(R"("method":"POST","path":"/echo","status":201)"), std::string::npos)
      << requests[0];
  EXPECT_NE(requests[0].find(R"("bytes_in":15,"bytes_out":15)"), std::string::npos);
  EXPECT_NE(requests[0].find(R"("duration_ms":)"), std::string::npos);
  EXPECT_NE(requests[1].find(R"("path":"/nope","status":404)"), std::string::npos) << requests[1];
}

TEST(http_server, access_log_off_writes_no_request_line_and_still_answers) {
  http_server_options options = test_options();
  options.access_log = false;
  test_server server(echo_routes(), options);
  {
    test_client client;
    ASSERT_FALSE(client.connect(server.port()));
    const auto response = client.request("POST", "/echo", "quiet");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 201);
  }
  server.server().stop();
  ASSERT_TRUE(server.wait_stopped(5s));
  for (const auto& line : server.log_lines()) {
    EXPECT_EQ(line.find(R"("event":"request")"), std::string::npos) << line;
  }
  EXPECT_EQ(server.server().stats().requests, 1U);
}

}  // namespace
}  // namespace sentinelle::testing
