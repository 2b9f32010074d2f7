// The Formbricks source plugin (plugins/formbricks), questions detected (no mapping configured):
// Standard Webhooks over "{webhook-id}.{webhook-timestamp}.{body}". Raw headers: Content-Type,
// webhook-id, webhook-timestamp, webhook-signature.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugin_fuzz.hpp"

using namespace sentinelle;

namespace {

constexpr const char* secret = "whsec_BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY=";
constexpr const char* webhook_id = "01936b2e-8b1a-7c3d-9e2f-4a5b6c7d8e9f";

http_fields formbricks_signed(const std::string& body) {
  return fuzzing::standard_webhooks_signed(secret, webhook_id, body);
}

const fuzzing::plugin_target formbricks{
    "formbricks",
    {{"secret", std::string(secret)}},
    {{"/hooks/formbricks", "application/json"}},
    formbricks_signed,
    {"Content-Type", "webhook-id", "webhook-timestamp", "webhook-signature"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzzing::fuzz_plugin(formbricks, SENTINELLE_FUZZ_SIGNED, data, size);
}
