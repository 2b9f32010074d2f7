#include "typeform/typeform_plugin.hpp"

#include "net/http_response.hpp"
#include "signature/prefixed_hmac.hpp"
#include "typeform/typeform_delivery.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

std::unique_ptr<source_plugin> create_typeform(const plugin_settings& table,
                                               plugin_context& context, std::string& error) {
  typeform::settings config;
  if (!typeform::read_settings(table, config, error)) {
    return nullptr;
  }
  return std::make_unique<typeform::typeform_plugin>(context, std::move(config));
}

}  // namespace

extern const plugin_descriptor typeform_source_plugin{"typeform", false, create_typeform};

namespace typeform {

void typeform_plugin::add_routes(router& routes) {
  routes.add("POST", "/hooks/typeform", [this](const http_request& request, responder reply) {
    receive(request, std::move(reply));
  });
}

void typeform_plugin::receive(const http_request& request, responder reply) const {
  // The signature covers the raw bytes: checked before anything reads them.
  const auto signature = request.header("Typeform-Signature");
  if (!signature ||
      !prefixed_hmac_matches(config_.secret, request.body, *signature, digest_encoding::base64)) {
    context_.stats.unauthorized.fetch_add(1, std::memory_order_relaxed);
    reply.send(json_error(401, "bad_signature",
                          signature ? "Typeform-Signature does not match the body"
                                    : "Typeform-Signature is missing"));
    return;
  }
  if (media_type(request.header("Content-Type").value_or("")) != "application/json") {
    context_.stats.invalid.fetch_add(1, std::memory_order_relaxed);
    reply.send(json_error(415, "unsupported_media_type", "Typeform sends application/json"));
    return;
  }
  mapped_delivery mapped = map_delivery(request.body, config_, now_unix_ms());
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

}  // namespace typeform
}  // namespace sentinelle
