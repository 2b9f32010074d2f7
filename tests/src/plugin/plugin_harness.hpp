#pragma once

// Runs one source plugin without a server: its routes on a router, a pipeline that records
// what the plugin hands it, and requests dispatched as the server would. The end-to-end tests of
// each plugin then use the real binary (tests/integration/server_harness.py).

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/access_policy.hpp"
#include "net/http_response.hpp"
#include "net/request_target.hpp"
#include "plugin/plugin_registry.hpp"
#include "plugin/source_plugin.hpp"
#include "util/json_writer.hpp"

namespace sentinelle::plugin_testing {

// Records each delivery and answers 200 with the number of events, as if all were stored.
class recording_pipeline final : public ingest_pipeline {
 public:
  void submit(delivery batch, responder reply) override {
    std::string body;
    json_writer json(body);
    json.begin_object().key("accepted").value(static_cast<long long>(batch.events.size()));
    json.key("skipped").value(static_cast<long long>(batch.skipped)).end_object();
    deliveries.push_back(std::move(batch));
    reply.send(json_response(200, std::move(body)));
  }

  std::vector<delivery> deliveries;
};

class plugin_harness {
 public:
  explicit plugin_harness(std::vector<auth_token> tokens = {}) : access_(tokens) {}

  // Creates the plugin named `name` from the registry with `values` as its [plugins.NAME].
  // Returns the plugin's error, empty on success.
  std::string create(std::string_view name,
                     std::map<std::string, setting_value> values = {}) {
    const plugin_descriptor* descriptor = find_source_plugin(name);
    if (descriptor == nullptr) {
      return "no plugin named " + std::string(name);
    }
    std::string error;
    plugin_ = descriptor->create(plugin_settings{std::string(name), std::move(values)}, context_,
                                 error);
    if (plugin_ != nullptr) {
      plugin_->add_routes(routes_);
    }
    return plugin_ == nullptr ? error : std::string();
  }

  // Dispatches one request to the plugin's routes and returns the answer sent.
  http_response call(std::string method, std::string target, std::string body,
                     http_fields headers = {{"Content-Type", "application/json"}}) {
    http_request request;
    request.method = std::move(method);
    request.target = target;
    parse_target(target, request.path, request.query);
    request.headers = std::move(headers);
    request.body = std::move(body);
    request.remote_address = "127.0.0.1";
    http_response answer;
    answer.status = 0;
    routes_.dispatch(request, responder([&answer](http_response sent) { answer = std::move(sent); }));
    return answer;
  }

  std::vector<delivery>& deliveries() { return pipeline_.deliveries; }
  const source_stats& stats() const { return stats_; }

 private:
  recording_pipeline pipeline_;
  access_policy access_;
  source_stats stats_;
  plugin_context context_{pipeline_, access_, stats_};
  router routes_;
  std::unique_ptr<source_plugin> plugin_;
};

}  // namespace sentinelle::plugin_testing
