// The `standard` source plugin (plugins/standard): canonical surveys and messages, JSON or
// NDJSON, signed with Standard Webhooks. Routes by the first byte: '0' surveys JSON, '1' messages
// JSON, '2' surveys NDJSON, '3' messages NDJSON. Raw headers: Content-Type, webhook-id,
// webhook-timestamp, webhook-signature (no signature: the open, token-less API of loopback).
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugin_fuzz.hpp"

using namespace sentinelle;

namespace {

constexpr const char* secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

http_fields standard_signed(const std::string& body) {
  return fuzzing::standard_webhooks_signed(secret, "msg_fuzz", body);
}

const fuzzing::plugin_target standard{
    "standard",
    {{"secret", std::string(secret)}},
    {{"/v1/surveys", "application/json"},
     {"/v1/messages", "application/json"},
     {"/v1/surveys", "application/x-ndjson"},
     {"/v1/messages", "application/x-ndjson; charset=utf-8"}},
    standard_signed,
    {"Content-Type", "webhook-id", "webhook-timestamp", "webhook-signature"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzzing::fuzz_plugin(standard, SENTINELLE_FUZZ_SIGNED, data, size);
}
