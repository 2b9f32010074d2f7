#include "standard/standard_plugin.hpp"

#include <array>

#include "api/access_policy.hpp"
#include "ingest/event_parser.hpp"
#include "plugin/hook_body.hpp"
#include "util/json_writer.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

constexpr std::array<setting_key<standard_settings>, 1> standard_keys{{
    {"secret", &standard_settings::secret},
}};

std::string details_json(const std::vector<field_problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (const field_problem& problem : problems) {
    json.begin_object().key("index").value(static_cast<long long>(problem.index));
    json.key("field").value(problem.field).key("message").value(problem.message).end_object();
  }
  json.end_array();
  return out;
}

std::unique_ptr<source_plugin> create_standard(const plugin_settings& settings,
                                               plugin_context& context, std::string& error) {
  standard_settings read;
  if (!read_settings<standard_settings>(settings, standard_keys, read, error)) {
    return nullptr;
  }
  std::optional<standard_webhooks_secret> secret;
  if (!read.secret.empty()) {
    secret = standard_webhooks_secret::parse(read.secret, error);
    if (!secret) {
      error = "plugins.standard.secret: " + error;
      return nullptr;
    }
  }
  return std::make_unique<standard_plugin>(context, std::move(secret));
}

}  // namespace

extern const plugin_descriptor standard_source_plugin{"standard", true, create_standard};

void standard_plugin::add_routes(router& routes) {
  routes.add("POST", "/v1/surveys", [this](const http_request& request, responder reply) {
    ingest(request, std::move(reply), event_kind::survey);
  });
  routes.add("POST", "/v1/messages", [this](const http_request& request, responder reply) {
    ingest(request, std::move(reply), event_kind::message);
  });
}

// A signed request is judged by its signature alone (a wrong one is 401 even with a token);
// an unsigned one needs an `ingest` token, as without the plugin's secret.
std::optional<http_response> standard_plugin::authenticate(const http_request& request) const {
  const auto signature = request.header("webhook-signature");
  if (!secret_ || !signature) {
    return context_.access.check(request, {role::ingest});
  }
  const standard_webhooks_headers headers{request.header("webhook-id").value_or(""),
                                          request.header("webhook-timestamp").value_or(""),
                                          *signature};
  const signature_check check = standard_webhooks_verify(secret_->key(), headers, request.body,
                                                         now_unix_ms() / 1000);
  if (check == signature_check::ok) {
    return std::nullopt;
  }
  return json_error(401, "bad_signature",
                    "Standard Webhooks signature refused: " +
                        std::string(signature_check_name(check)));
}

void standard_plugin::ingest(const http_request& request, responder reply, event_kind kind) const {
  if (auto denied = authenticate(request)) {
    refuse(context_.stats, reply, std::move(*denied));
    return;
  }
  const std::string type = media_type(request.header("Content-Type").value_or(""));
  const bool ndjson = type == "application/x-ndjson" || type == "application/ndjson";
  if (type != "application/json" && !ndjson) {
    refuse(
        context_.stats, reply,
        json_error(415, "unsupported_media_type", "send application/json or application/x-ndjson"));
    return;
  }
  thread_local event_parser parser;
  parsed_events parsed = parser.parse(request.body, ndjson, kind, "api", now_unix_ms());
  if (!parsed.ok()) {
    refuse(context_.stats, reply,
           json_error(static_cast<unsigned>(parsed.status), parsed.code, parsed.message,
                      parsed.details.empty() ? "" : details_json(parsed.details)));
    return;
  }
  submit(context_, delivery{std::move(parsed.events), 0}, std::move(reply));
}

}  // namespace sentinelle
