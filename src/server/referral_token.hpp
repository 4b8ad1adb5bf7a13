// Referral tokens (SPEC §9): issued and verified by the server only. A token is
// base64url("<referrer>\n<expiry, Unix seconds>") "." base64url(HMAC-SHA256 of that payload under the
// secret): it names the referrer (an opaque customer id) and an expiry and nothing else, so a browser
// can see that a token is present but cannot forge or alter one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace till::server {

class ReferralTokens {
 public:
  explicit ReferralTokens(std::string secret) : secret_(std::move(secret)) {}

  /// A token for `referrer` (1-128 bytes, no control characters; checked by the caller) valid until
  /// `expires` (Unix seconds).
  std::string issue(const std::string& referrer, std::int64_t expires) const;

  /// The referrer named by `token` when its signature is right and it expires after `now` (Unix seconds);
  /// nullopt for anything else, however malformed.
  std::optional<std::string> verify(const std::string& token, std::int64_t now) const;

 private:
  std::string secret_;
};

}  // namespace till::server
