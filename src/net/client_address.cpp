#include "net/client_address.hpp"

namespace sentinelle {
namespace {

// IPv4 keys live under ff00::/8 (multicast, never a source address), so no IPv6 /64 key can
// take the same value.
constexpr std::uint64_t ipv4_tag = 0xff00'0000'0000'0000ULL;

client_address from_ipv4(const asio::ip::address_v4& address) {
  return {ipv4_tag | address.to_uint(), address.is_loopback()};
}

}  // namespace

client_address client_address_of(const asio::ip::address& address) {
  if (address.is_v4()) {
    return from_ipv4(address.to_v4());
  }
  const auto v6 = address.to_v6();
  if (v6.is_v4_mapped()) {
    return from_ipv4(asio::ip::make_address_v4(asio::ip::v4_mapped, v6));
  }
  const auto bytes = v6.to_bytes();
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix = (prefix << 8) | bytes[i];
  }
  return {prefix, v6.is_loopback()};
}

}  // namespace sentinelle
