#include "self_signed_tls.hpp"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace sentinelle::testing {
namespace {

struct key_free {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct cert_free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct ext_free {
  void operator()(X509_EXTENSION* ext) const { X509_EXTENSION_free(ext); }
};

void require(bool ok, const char* what) {
  if (!ok) {
    throw std::runtime_error(std::string("self-signed certificate: ") + what);
  }
}

void set_subject(X509* cert) {
  X509_NAME* name = X509_get_subject_name(cert);
  const auto* common_name = reinterpret_cast<const unsigned char*>("127.0.0.1");
  require(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, common_name, -1, -1, 0) == 1,
          "subject");
  require(X509_set_issuer_name(cert, name) == 1, "issuer");
  std::unique_ptr<X509_EXTENSION, ext_free> san(
      X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, "IP:127.0.0.1"));
  require(san != nullptr && X509_add_ext(cert, san.get(), -1) == 1, "subjectAltName");
}

}  // namespace

void use_self_signed_certificate(boost::asio::ssl::context& context) {
  std::unique_ptr<EVP_PKEY, key_free> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  require(key != nullptr, "key");
  std::unique_ptr<X509, cert_free> cert(X509_new());
  require(cert != nullptr && X509_set_version(cert.get(), 2) == 1, "version");
  require(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1) == 1, "serial");
  require(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60) != nullptr &&
              X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86'400) != nullptr,
          "validity");
  require(X509_set_pubkey(cert.get(), key.get()) == 1, "public key");
  set_subject(cert.get());
  require(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "signature");
  require(SSL_CTX_use_certificate(context.native_handle(), cert.get()) == 1 &&
              SSL_CTX_use_PrivateKey(context.native_handle(), key.get()) == 1,
          "load");
}

}  // namespace sentinelle::testing
