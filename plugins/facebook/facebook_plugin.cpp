#include "facebook/facebook_plugin.hpp"

#include <algorithm>
#include <array>

#include "facebook/meta_delivery.hpp"
#include "plugin/hook_body.hpp"
#include "signature/prefixed_hmac.hpp"
#include "util/json_writer.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

constexpr std::array<setting_key<facebook_settings>, 2> facebook_keys{{
    {"app_secret", &facebook_settings::app_secret, true},
    {"verify_token", &facebook_settings::verify_token, true},
}};

// A 422 lists what is wrong; a payload with thousands of bad items gets the first ones.
constexpr std::size_t max_details = 50;
// Meta's challenge is a number; anything echoed must at least be short, printable text.
constexpr std::size_t max_challenge = 256;

std::unique_ptr<source_plugin> create_facebook(const plugin_settings& settings,
                                               plugin_context& context, std::string& error) {
  facebook_settings read;
  if (!read_settings<facebook_settings>(settings, facebook_keys, read, error)) {
    return nullptr;
  }
  if (read.app_secret.empty() || read.verify_token.empty()) {
    error = std::string("plugins.facebook.") +
            (read.app_secret.empty() ? "app_secret" : "verify_token") + ": must not be empty";
    return nullptr;
  }
  return std::make_unique<facebook_plugin>(context, std::move(read));
}

std::string details_json(const std::vector<meta::problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (std::size_t i = 0; i < std::min(problems.size(), max_details); ++i) {
    json.begin_object().key("index").value(static_cast<long long>(problems[i].entry));
    json.key("field").value(problems[i].field).key("message").value(problems[i].message);
    json.end_object();
  }
  json.end_array();
  return out;
}

bool printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// The verify token is compared through a keyed digest so the comparison takes the same time
// whatever the length of the guess (constant_time_equal alone would reveal the length).
sha256_digest token_digest(const facebook_settings& settings, std::string_view token) {
  return hmac_sha256(settings.app_secret, token);
}

}  // namespace

extern const plugin_descriptor facebook_source_plugin{"facebook", false, create_facebook};

facebook_plugin::facebook_plugin(plugin_context& context, facebook_settings settings)
    : context_(context),
      settings_(std::move(settings)),
      verify_token_digest_(token_digest(settings_, settings_.verify_token)) {}

void facebook_plugin::add_routes(router& routes) {
  routes.add("GET", "/hooks/facebook", [this](const http_request& request, responder reply) {
    verify_subscription(request, std::move(reply));
  });
  routes.add("POST", "/hooks/facebook", [this](const http_request& request, responder reply) {
    receive(request, std::move(reply));
  });
}

// Meta calls GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… when the callback URL
// is saved, and expects the challenge back as the body.
void facebook_plugin::verify_subscription(const http_request& request, responder reply) const {
  const auto mode = request.query_param("hub.mode");
  const auto token = request.query_param("hub.verify_token");
  const bool token_matches = token && constant_time_equal(as_bytes(token_digest(settings_, *token)),
                                                          as_bytes(verify_token_digest_));
  if (mode != "subscribe" || !token_matches) {
    refuse(context_.stats, reply,
           json_error(403, "forbidden", "hub.mode or hub.verify_token refused"));
    return;
  }
  const std::string_view challenge = request.query_param("hub.challenge").value_or("");
  if (challenge.empty() || challenge.size() > max_challenge || !printable_ascii(challenge)) {
    refuse(context_.stats, reply,
           json_error(400, "bad_request", "hub.challenge missing or not printable text"));
    return;
  }
  http_response answer;
  answer.content_type = "text/plain; charset=utf-8";
  answer.headers.emplace_back("X-Content-Type-Options", "nosniff");
  answer.body = std::string(challenge);
  reply.send(std::move(answer));
}

void facebook_plugin::receive(const http_request& request, responder reply) const {
  // The signature covers the raw bytes: checked before anything is parsed.
  const auto signature = request.header("X-Hub-Signature-256");
  if (!signature || !prefixed_hmac_matches(settings_.app_secret, request.body, *signature,
                                           digest_encoding::hex)) {
    refuse(context_.stats, reply,
           json_error(401, "bad_signature", "X-Hub-Signature-256 missing or wrong"));
    return;
  }
  if (media_type(request.header("Content-Type").value_or("")) != "application/json") {
    refuse(context_.stats, reply,
           json_error(415, "unsupported_media_type", "send application/json"));
    return;
  }
  thread_local meta::delivery_parser parser;
  meta::parsed_delivery parsed = parser.parse(request.body, now_unix_ms());
  if (!parsed.ok()) {
    refuse(context_.stats, reply,
           json_error(parsed.status, parsed.code, parsed.message,
                      parsed.problems.empty() ? "" : details_json(parsed.problems)));
    return;
  }
  submit(context_, std::move(parsed.batch), std::move(reply));
}

}  // namespace sentinelle
