#include "formbricks/formbricks_plugin.hpp"

#include "formbricks/formbricks_delivery.hpp"
#include "net/http_response.hpp"
#include "signature/standard_webhooks.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

std::unique_ptr<source_plugin> create_formbricks(const plugin_settings& table,
                                                 plugin_context& context, std::string& error) {
  formbricks::settings config;
  if (!formbricks::read_settings(table, config, error)) {
    return nullptr;
  }
  return std::make_unique<formbricks::formbricks_plugin>(context, std::move(config));
}

}  // namespace

extern const plugin_descriptor formbricks_source_plugin{"formbricks", false, create_formbricks};

namespace formbricks {

void formbricks_plugin::add_routes(router& routes) {
  routes.add("POST", "/hooks/formbricks", [this](const http_request& request, responder reply) {
    receive(request, std::move(reply));
  });
}

void formbricks_plugin::receive(const http_request& request, responder reply) const {
  // The signature covers the raw bytes: checked before anything reads them.
  const standard_webhooks_headers headers{request.header("webhook-id").value_or(""),
                                          request.header("webhook-timestamp").value_or(""),
                                          request.header("webhook-signature").value_or("")};
  const signature_check check =
      standard_webhooks_verify(config_.signing_key, headers, request.body, now_unix_ms() / 1000);
  if (check != signature_check::ok) {
    context_.stats.unauthorized.fetch_add(1, std::memory_order_relaxed);
    reply.send(json_error(
        401, "bad_signature",
        "Standard Webhooks signature refused: " + std::string(signature_check_name(check))));
    return;
  }
  if (media_type(request.header("Content-Type").value_or("")) != "application/json") {
    context_.stats.invalid.fetch_add(1, std::memory_order_relaxed);
    reply.send(json_error(415, "unsupported_media_type", "Formbricks sends application/json"));
    return;
  }
  mapped_delivery mapped = map_delivery(request.body, headers.id, config_, now_unix_ms());
  if (mapped.status != 200) {
    context_.stats.invalid.fetch_add(1, std::memory_order_relaxed);
    reply.send(json_error(mapped.status, mapped.code, mapped.message,
                          mapped.details.empty() ? "" : details_json(mapped.details)));
    return;
  }
  context_.stats.deliveries.fetch_add(1, std::memory_order_relaxed);
  context_.stats.skipped.fetch_add(mapped.batch.skipped, std::memory_order_relaxed);
  context_.pipeline.submit(std::move(mapped.batch), std::move(reply));
}

}  // namespace formbricks
}  // namespace sentinelle
