#include "server/referral_token.hpp"

#include <charconv>

#include <openssl/crypto.h>

#include "server/digest.hpp"

namespace till::server {

std::string ReferralTokens::issue(const std::string& referrer, std::int64_t expires) const {
  const std::string payload = referrer + "\n" + std::to_string(expires);
  return base64url_encode(payload) + "." + base64url_encode(hmac_sha256(secret_, payload));
}

std::optional<std::string> ReferralTokens::verify(const std::string& token, std::int64_t now) const {
  if (token.size() > 1024) return std::nullopt;
  const auto dot = token.find('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string payload;
  std::string signature;
  if (!base64url_decode(std::string_view(token).substr(0, dot), payload) ||
      !base64url_decode(std::string_view(token).substr(dot + 1), signature)) {
    return std::nullopt;
  }
  const std::string expected = hmac_sha256(secret_, payload);
  if (signature.size() != expected.size() ||
      CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) != 0) {
    return std::nullopt;
  }
  const auto newline = payload.rfind('\n');
  if (newline == std::string::npos || newline == 0) return std::nullopt;
  std::int64_t expires = 0;
  const char* first = payload.data() + newline + 1;
  const char* last = payload.data() + payload.size();
  const auto [end, error] = std::from_chars(first, last, expires);
  if (error != std::errc{} || end != last || expires <= now) return std::nullopt;
  return payload.substr(0, newline);
}

}  // namespace till::server
