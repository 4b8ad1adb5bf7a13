// SHA-256 and HMAC-SHA256 (OpenSSL): the request hashes of idempotent checkouts, the ETag of the public
// rules and the signatures of referral tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace till::server {

/// SHA-256 of `data`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

/// HMAC-SHA256 of `data` under `key`: 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);

/// `bytes` as unpadded base64url (RFC 4648 §5), and back: decoding returns false for a character outside
/// the alphabet, an impossible length or non-zero padding bits.
std::string base64url_encode(std::string_view bytes);
bool base64url_decode(std::string_view text, std::string& bytes);

/// `count` bytes from the operating system's random source, as lower-case hex. Throws std::runtime_error
/// when the source fails (it does not on Linux).
std::string random_hex(std::size_t count);

}  // namespace till::server
