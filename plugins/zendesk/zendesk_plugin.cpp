// Zendesk satisfaction ratings at POST /hooks/zendesk (README.md): authenticated on the raw body,
// then read through the configured field paths into one CSAT survey.
#include <array>
#include <optional>
#include <string>

#include "util/json_writer.hpp"
#include "util/time.hpp"
#include "util/utf8.hpp"
#include "zendesk/zendesk_auth.hpp"
#include "zendesk/zendesk_rating.hpp"

namespace sentinelle {
namespace {

using zendesk::settings;

constexpr std::array<setting_key<settings>, 11> zendesk_keys{{
    {"signing_secret", &settings::signing_secret},
    {"secret", &settings::secret},
    {"fields.rating_id", &settings::rating_id},
    {"fields.score", &settings::score},
    {"fields.comment", &settings::comment},
    {"fields.agent_id", &settings::agent_id},
    {"fields.team_id", &settings::team_id},
    {"fields.ticket_id", &settings::ticket_id},
    {"fields.customer_id", &settings::customer_id},
    {"fields.submitted_at", &settings::submitted_at},
    {"fields.channel", &settings::channel},
}};

// The 422 details: each problem under the path the configuration names.
std::string details_json(const std::vector<field_problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (const field_problem& problem : problems) {
    json.begin_object().key("field").value(problem.field);
    json.key("message").value(problem.message).end_object();
  }
  json.end_array();
  return out;
}

class zendesk_plugin final : public source_plugin {
 public:
  zendesk_plugin(plugin_context& context, zendesk::authenticator gate,
                 zendesk::rating_fields fields)
      : context_(context), gate_(std::move(gate)), fields_(std::move(fields)) {}

  void add_routes(router& routes) override {
    routes.add("POST", "/hooks/zendesk", [this](const http_request& request, responder reply) {
      receive(request, std::move(reply));
    });
  }

 private:
  // The body as one JSON object, or the 400/415/422 answer. A Zendesk webhook set to the "XML"
  // or "Form encoded" request format is refused with 415; no Content-Type is read as JSON.
  static std::optional<http_response> parse(const http_request& request,
                                            simdjson::dom::parser& parser,
                                            simdjson::dom::element& root) {
    const auto type = request.header("Content-Type");
    if (type && media_type(*type) != "application/json") {
      return json_error(415, "unsupported_media_type", "set the Zendesk webhook's format to JSON");
    }
    if (const auto invalid = find_invalid_utf8(request.body)) {
      return json_error(400, "invalid_utf8",
                        "the body is not valid UTF-8 (byte " + std::to_string(*invalid) + ")");
    }
    if (parser.parse(request.body.data(), request.body.size()).get(root) != simdjson::SUCCESS) {
      return json_error(400, "invalid_json", "the body is not JSON");
    }
    if (!root.is_object()) {
      return json_error(422, "invalid_event", "a satisfaction rating is a JSON object");
    }
    return std::nullopt;
  }

  void receive(const http_request& request, responder reply) const {
    const std::int64_t now_ms = now_unix_ms();
    if (auto denied = gate_.check(request, now_ms / 1000)) {
      context_.stats.unauthorized.fetch_add(1, std::memory_order_relaxed);
      reply.send(std::move(*denied));
      return;
    }
    thread_local simdjson::dom::parser parser;  // reuses its buffers across deliveries
    simdjson::dom::element root;
    if (auto unreadable = parse(request, parser, root)) {
      context_.stats.invalid.fetch_add(1, std::memory_order_relaxed);
      reply.send(std::move(*unreadable));
      return;
    }
    zendesk::mapped_rating mapped = zendesk::map_rating(root, fields_, now_ms);
    if (!mapped.problems.empty()) {
      context_.stats.invalid.fetch_add(1, std::memory_order_relaxed);
      reply.send(json_error(422, "invalid_event", "not a satisfaction rating sentinelle can read",
                            details_json(mapped.problems)));
      return;
    }
    context_.stats.deliveries.fetch_add(1, std::memory_order_relaxed);
    context_.stats.skipped.fetch_add(mapped.batch.skipped, std::memory_order_relaxed);
    context_.pipeline.submit(std::move(mapped.batch), std::move(reply));
  }

  plugin_context& context_;
  zendesk::authenticator gate_;
  zendesk::rating_fields fields_;
};

std::unique_ptr<source_plugin> create_zendesk(const plugin_settings& configured,
                                              plugin_context& context, std::string& error) {
  settings read;
  if (!read_settings<settings>(configured, zendesk_keys, read, error)) {
    return nullptr;
  }
  std::optional<standard_webhooks_secret> secret;
  if (!read.secret.empty()) {
    secret = standard_webhooks_secret::parse(read.secret, error);
    if (!secret) {
      error = "plugins.zendesk.secret: " + error;
      return nullptr;
    }
  }
  auto fields = zendesk::rating_fields::compile(read, error);
  if (!fields) {
    return nullptr;
  }
  // access_policy lets a request without credentials through only when no token is configured
  // (api/access_policy.hpp): asking once tells whether bearer tokens are an option here.
  const bool tokens_configured = !context.access.open();
  zendesk::authenticator gate(context.access, tokens_configured, std::move(read.signing_secret),
                              std::move(secret));
  return std::make_unique<zendesk_plugin>(context, std::move(gate), std::move(*fields));
}

}  // namespace

extern const plugin_descriptor zendesk_source_plugin{"zendesk", false, create_zendesk};

}  // namespace sentinelle
