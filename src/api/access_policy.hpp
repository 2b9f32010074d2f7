#pragma once

#include <array>
#include <optional>
#include <vector>

#include "config/config.hpp"
#include "net/http_request.hpp"
#include "net/http_response.hpp"

namespace sentinelle {

// Bearer tokens and roles (CONTRACT §4): `ingest` posts events and analyses, `console` reads
// scores, events and alerts, `admin` does everything. With no token configured the API is
// open (the config refuses that beyond loopback).
class access_policy {
 public:
  explicit access_policy(const std::vector<auth_token>& tokens);

  // No token configured: the API is open (loopback only, the config makes sure).
  bool open() const { return tokens_.empty(); }

  // nullopt when the request may go on; else the 401 or 403 answer to send.
  std::optional<http_response> check(const http_request& request,
                                     std::initializer_list<role> allowed) const;

 private:
  struct known_token {
    std::array<unsigned char, 32> digest;  // SHA-256: compared in constant time, never the text
    role granted;
  };
  std::optional<role> role_of(std::string_view presented) const;

  std::vector<known_token> tokens_;
};

}  // namespace sentinelle
