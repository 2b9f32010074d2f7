#include "net/request_limits.hpp"

#include <functional>
#include <string>
#include <string_view>

#include "net/bearer_token.hpp"
#include "net/request_target.hpp"

namespace sentinelle {
namespace {

std::uint64_t hash_of(std::string_view token) {
  return std::hash<std::string_view>{}(token);
}

// `?token=` as parse_target decodes it; the fast path skips decoding when nothing is escaped.
std::optional<std::uint64_t> query_token_key(std::string_view target) {
  const auto question = target.find('?');
  if (question == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view query = target.substr(question + 1);
  if (query.find_first_of("%+") != std::string_view::npos) {
    std::string path;
    http_fields fields;
    if (!parse_target(target, path, fields)) {
      return std::nullopt;  // the request gets its 400 later
    }
    const auto token = find_field(fields, "token", false);
    return token ? std::optional(hash_of(*token)) : std::nullopt;
  }
  for (std::size_t start = 0; start <= query.size();) {
    const auto end = std::min(query.find('&', start), query.size());
    const std::string_view pair = query.substr(start, end - start);
    if (pair.starts_with("token=")) {
      return hash_of(pair.substr(6));
    }
    if (pair == "token") {
      return hash_of({});
    }
    start = end + 1;
  }
  return std::nullopt;
}

http_response too_many(std::string_view message, std::chrono::seconds retry_after) {
  auto response = json_error(429, "rate_limited", message);
  response.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
  return response;
}

}  // namespace

std::optional<std::uint64_t> presented_token_key(const beast_request& header) {
  const auto found = header.find(http::field::authorization);
  if (found == header.end()) {
    return query_token_key({header.target().data(), header.target().size()});
  }
  const auto value = found->value();
  const auto token = bearer_token({value.data(), value.size()});
  return token ? std::optional(hash_of(*token)) : std::nullopt;  // none: the API answers 401
}

request_limits::request_limits(const http_server_options& options, server_counters& counters)
    : exempt_loopback_(options.exempt_loopback),
      max_connections_per_ip_(options.max_connections_per_ip),
      counters_(counters),
      per_address_({options.requests_per_second_per_ip, options.burst_per_ip},
                   options.rate_limit_max_keys),
      per_token_({options.requests_per_second_per_token, options.burst_per_token},
                 options.rate_limit_max_keys) {}

bool request_limits::admit_connection(const client_address& client) {
  if (max_connections_per_ip_ == 0 || !address_limited(client)) {
    return true;
  }
  const std::lock_guard lock(connections_mutex_);
  auto& open = connections_[client.key];
  if (open >= max_connections_per_ip_) {
    counters_.connection_rejected_per_ip();
    return false;
  }
  ++open;
  return true;
}

void request_limits::release_connection(const client_address& client) {
  if (max_connections_per_ip_ == 0 || !address_limited(client)) {
    return;
  }
  const std::lock_guard lock(connections_mutex_);
  const auto found = connections_.find(client.key);
  if (found != connections_.end() && --found->second == 0) {
    connections_.erase(found);  // the map holds only addresses with connections open
  }
}

std::optional<http_response> request_limits::check(const beast_request& header,
                                                   const client_address& client,
                                                   rate_limiter::clock::time_point now) {
  if (!per_address_.unlimited() && address_limited(client)) {
    const auto decision = per_address_.acquire(client.key, now);
    if (!decision.allowed) {
      counters_.rate_limited(rate_limit_kind::address);
      return too_many("too many requests from this address", decision.retry_after);
    }
  }
  if (per_token_.unlimited()) {
    return std::nullopt;
  }
  if (const auto token = presented_token_key(header)) {
    const auto decision = per_token_.acquire(*token, now);
    if (!decision.allowed) {
      counters_.rate_limited(rate_limit_kind::token);
      return too_many("too many requests with this token", decision.retry_after);
    }
  }
  return std::nullopt;
}

}  // namespace sentinelle
