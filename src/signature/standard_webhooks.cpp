#include "signature/standard_webhooks.hpp"

#include <charconv>
#include <utility>

#include "signature/encoding.hpp"
#include "signature/hmac.hpp"

namespace sentinelle {
namespace {

constexpr std::string_view secret_prefix = "whsec_";
constexpr std::string_view version_prefix = "v1,";

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  // from_chars accepts a leading '-'; a timestamp is digits only.
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

// The base64 signature the sender must have sent for this id, timestamp and body.
std::string expected_signature(std::string_view key, std::string_view id,
                               std::string_view timestamp, std::string_view body) {
  std::string signed_text;
  signed_text.reserve(id.size() + timestamp.size() + body.size() + 2);
  signed_text.append(id).append(".").append(timestamp).append(".").append(body);
  return to_base64(as_bytes(hmac_sha256(key, signed_text)));
}

bool any_entry_matches(std::string_view header, std::string_view expected) {
  bool matched = false;
  while (!header.empty()) {
    const auto space = header.find(' ');
    const std::string_view entry = header.substr(0, space);
    header = space == std::string_view::npos ? std::string_view{} : header.substr(space + 1);
    if (entry.starts_with(version_prefix) &&
        constant_time_equal(entry.substr(version_prefix.size()), expected)) {
      matched = true;
    }
  }
  return matched;
}

}  // namespace

std::optional<standard_webhooks_secret> standard_webhooks_secret::parse(std::string_view text,
                                                                        std::string& error) {
  if (text.starts_with(secret_prefix)) {
    text.remove_prefix(secret_prefix.size());
  }
  auto key = from_base64(text);
  if (!key) {
    error = "secret is not \"whsec_\" followed by standard padded base64";
    return std::nullopt;
  }
  if (key->empty()) {
    error = "secret is empty";
    return std::nullopt;
  }
  return standard_webhooks_secret(std::move(*key));
}

std::string standard_webhooks_sign(std::string_view key, std::string_view id,
                                   std::int64_t timestamp, std::string_view body) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, timestamp).ptr;
  const std::string_view text(digits, static_cast<std::size_t>(end - digits));
  return std::string(version_prefix) + expected_signature(key, id, text, body);
}

std::string_view signature_check_name(signature_check check) {
  switch (check) {
    case signature_check::ok:
      return "ok";
    case signature_check::missing_header:
      return "missing_header";
    case signature_check::invalid_id:
      return "invalid_id";
    case signature_check::invalid_timestamp:
      return "invalid_timestamp";
    case signature_check::timestamp_too_old:
      return "timestamp_too_old";
    case signature_check::timestamp_too_new:
      return "timestamp_too_new";
    case signature_check::no_matching_signature:
      return "no_matching_signature";
  }
  return "unknown";
}

signature_check standard_webhooks_verify(std::string_view key,
                                         const standard_webhooks_headers& headers,
                                         std::string_view body, std::int64_t now,
                                         std::int64_t tolerance_s) {
  if (headers.id.empty() || headers.timestamp.empty() || headers.signature.empty()) {
    return signature_check::missing_header;
  }
  if (headers.id.find('.') != std::string_view::npos) {
    return signature_check::invalid_id;
  }
  const auto timestamp = parse_timestamp(headers.timestamp);
  if (!timestamp) {
    return signature_check::invalid_timestamp;
  }
  if (*timestamp < now - tolerance_s) {
    return signature_check::timestamp_too_old;
  }
  if (*timestamp > now + tolerance_s) {
    return signature_check::timestamp_too_new;
  }
  const std::string expected = expected_signature(key, headers.id, headers.timestamp, body);
  return any_entry_matches(headers.signature, expected) ? signature_check::ok
                                                        : signature_check::no_matching_signature;
}

}  // namespace sentinelle
