#include "signature/encoding.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstddef>

namespace sentinelle {
namespace {

// EVP_EncodeBlock / EVP_DecodeBlock take an int length: large inputs go through in chunks that
// keep whole 3-byte groups (encoding) or 4-character quanta (decoding).
constexpr std::size_t encode_chunk = 3 * 16384;
constexpr std::size_t decode_chunk = 4 * 16384;

constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const unsigned char* input_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* output_at(std::string& out, std::size_t offset) {
  return reinterpret_cast<unsigned char*>(out.data() + offset);
}

std::size_t padding_of(std::string_view text) {
  return static_cast<std::size_t>(
      std::count(text.end() - std::min<std::size_t>(2, text.size()), text.end(), '='));
}

// The canonical-form check EVP_DecodeBlock does not make: alphabet, padding only at the end, and
// the bits the padding leaves unused set to zero.
bool is_canonical_base64(std::string_view text) {
  if (text.size() % 4 != 0) {
    return false;
  }
  const std::size_t padding = padding_of(text);
  const std::string_view data = text.substr(0, text.size() - padding);
  if (data.find_first_not_of(base64_alphabet) != std::string_view::npos) {
    return false;
  }
  if (padding == 0) {
    return true;
  }
  const auto last = base64_alphabet.find(data.back());
  const std::size_t unused_bits_mask = padding == 1 ? 0x03 : 0x0F;
  return (last & unused_bits_mask) == 0;
}

}  // namespace

std::string to_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    out.push_back(digits[value >> 4]);
    out.push_back(digits[value & 0x0F]);
  }
  return out;
}

std::string to_base64(std::string_view bytes) {
  std::string out((bytes.size() + 2) / 3 * 4 + 1, '\0');  // +1: EVP writes a terminating NUL
  std::size_t written = 0;
  for (std::size_t at = 0; at < bytes.size(); at += encode_chunk) {
    const std::string_view chunk = bytes.substr(at, encode_chunk);
    written += static_cast<std::size_t>(
        EVP_EncodeBlock(output_at(out, written), input_of(chunk), static_cast<int>(chunk.size())));
  }
  out.resize(written);
  return out;
}

std::optional<std::string> from_base64(std::string_view text) {
  if (!is_canonical_base64(text)) {
    return std::nullopt;
  }
  std::string out(text.size() / 4 * 3, '\0');
  std::size_t written = 0;
  for (std::size_t at = 0; at < text.size(); at += decode_chunk) {
    const std::string_view chunk = text.substr(at, decode_chunk);
    const int length =
        EVP_DecodeBlock(output_at(out, written), input_of(chunk), static_cast<int>(chunk.size()));
    if (length < 0) {
      return std::nullopt;
    }
    written += static_cast<std::size_t>(length);
  }
  // EVP_DecodeBlock counts the padding as zero bytes of output.
  out.resize(written - padding_of(text));
  return out;
}

}  // namespace sentinelle
