#pragma once

// One source plugin, created from the registry with a known secret and put on a router by
// tests/src/plugin/plugin_harness.hpp, receives one POST per input, as the server would hand it.
// Each plugin_<name>_fuzzer.cpp describes its plugin and is built twice (tests/fuzz/CMakeLists):
//
// - signed (SENTINELLE_FUZZ_SIGNED=1): the input is the body, signed correctly with the secret
//   and the current time, so the platform's parser is reached. Refusing it is a finding.
// - raw: the input also gives the headers, one line each in `raw_headers` order (an empty line
//   leaves the header out), then the body: the signature and header checks get fuzzed.
//
// With several routes, the input's first byte picks one ('0' the first, '1' the second…).
// Every answer must be one of the contract's statuses (a handler that never answers is a 500),
// with a JSON body; every event delivered must pass fuzzing::check_event. With
// SENTINELLE_FUZZ_VERBOSE set, each answer is printed (to check what a seed reaches).

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "fuzz_input.hpp"
#include "plugin_harness.hpp"
#include "signature/encoding.hpp"
#include "signature/hmac.hpp"
#include "signature/prefixed_hmac.hpp"
#include "signature/standard_webhooks.hpp"
#include "util/time.hpp"

namespace sentinelle::fuzzing {

struct plugin_route {
  std::string_view path;
  std::string_view content_type;  // sent with the signed variant's requests
};

struct plugin_target {
  std::string_view name;  // as the registry knows it: the [plugins.NAME] table
  std::map<std::string, setting_value> settings;
  std::vector<plugin_route> routes;
  // The headers the platform sends to authenticate `body` now (Content-Type is added).
  http_fields (*sign)(const std::string& body);
  std::vector<std::string_view> raw_headers;
};

// `prefix` and the HMAC-SHA256 of `message` under `key`, in hex or base64: how Meta, Chatwoot,
// Typeform and Zendesk sign.
inline std::string hmac_signature(std::string_view key, std::string_view message,
                                  digest_encoding encoding, std::string_view prefix = "sha256=") {
  const sha256_digest mac = hmac_sha256(key, message);
  return std::string(prefix) +
         (encoding == digest_encoding::hex ? to_hex(as_bytes(mac)) : to_base64(as_bytes(mac)));
}

// The Standard Webhooks headers for `body`, now, under a "whsec_…" secret (the standard and
// Formbricks plugins).
inline http_fields standard_webhooks_signed(const char* whsec, const char* id,
                                            const std::string& body) {
  std::string error;
  const std::string key = standard_webhooks_secret::parse(whsec, error)->key();
  const std::int64_t now_s = now_unix_ms() / 1000;
  return {{"webhook-id", id},
          {"webhook-timestamp", std::to_string(now_s)},
          {"webhook-signature", standard_webhooks_sign(key, id, now_s, body)}};
}

inline plugin_testing::plugin_harness& harness_for(const plugin_target& target) {
  static plugin_testing::plugin_harness harness;
  static const bool created = [&target] {
    const std::string error = harness.create(target.name, target.settings);
    if (!error.empty()) {
      std::fprintf(stderr, "cannot create plugin %.*s: %s\n", static_cast<int>(target.name.size()),
                   target.name.data(), error.c_str());
      std::exit(1);
    }
    return true;
  }();
  static_cast<void>(created);
  return harness;
}

inline bool contract_status(unsigned status) {
  constexpr std::array<unsigned, 7> statuses{200, 400, 401, 403, 413, 415, 422};
  return std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

inline void check_answer(const http_response& answer, std::vector<delivery>& deliveries) {
  require(contract_status(answer.status), "an answer outside the contract (500: none sent)");
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  require(parser.parse(answer.body).get(root) == simdjson::SUCCESS, "an answer that is not JSON");
  require(deliveries.size() == (answer.status == 200 ? 1U : 0U), "a delivery without a 200");
  for (const delivery& batch : deliveries) {
    check_events(batch.events);
  }
  deliveries.clear();  // the recording pipeline keeps every delivery: not across inputs
}

// The input's route, and the rest of the input.
inline const plugin_route& pick_route(const plugin_target& target, std::string_view& input) {
  if (target.routes.size() == 1 || input.empty()) {
    return target.routes.front();
  }
  const auto choice = static_cast<unsigned char>(input.front()) % target.routes.size();
  input.remove_prefix(1);
  return target.routes[choice];
}

inline http_fields raw_headers(const plugin_target& target, std::string_view& input) {
  http_fields headers;
  for (const std::string_view name : target.raw_headers) {
    const auto [value, rest] = split_fields<2>(input);
    if (!value.empty()) {
      headers.emplace_back(std::string(name), std::string(value));
    }
    input = rest;
  }
  return headers;
}

inline int fuzz_plugin(const plugin_target& target, bool signed_body, const std::uint8_t* data,
                       std::size_t size) {
  plugin_testing::plugin_harness& harness = harness_for(target);
  std::string_view input = as_text(data, size);
  const plugin_route& route = pick_route(target, input);
  http_fields headers;
  if (signed_body) {
    headers = target.sign(std::string(input));
    headers.emplace_back("Content-Type", std::string(route.content_type));
  } else {
    headers = raw_headers(target, input);
  }
  const http_response answer =
      harness.call("POST", std::string(route.path), std::string(input), std::move(headers));
  static const bool verbose = std::getenv("SENTINELLE_FUZZ_VERBOSE") != nullptr;
  if (verbose) {  // to see what a seed reaches: the answer to each input
    std::fprintf(stderr, "%u %s\n", answer.status, answer.body.c_str());
  }
  require(!signed_body || answer.status != 401, "a correctly signed delivery was refused");
  check_answer(answer, harness.deliveries());
  return 0;
}

}  // namespace sentinelle::fuzzing
