#pragma once

#include <boost/asio/ssl/context.hpp>

namespace sentinelle::testing {

// Loads a fresh P-256 key and a self-signed certificate for 127.0.0.1 (CN and IP SAN), valid
// for a day, into a server context. Made with the OpenSSL API so the test needs no files.
void use_self_signed_certificate(boost::asio::ssl::context& context);

}  // namespace sentinelle::testing
