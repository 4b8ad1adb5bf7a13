// What a page showed against what the server computed: the check behind 409 at checkout.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "json/strict_parser.hpp"

namespace till::server {

/// One value the page showed that the server's result does not have.
struct Difference {
  std::string path;                              // JSON Pointer into the result
  json_edge::Json shown;
  std::optional<json_edge::Json> expected;       // absent: the result has no such member
};

/// Compares a partial result `shown` with the full `expected` result as SPEC §11 compares expectations:
/// every member given must equal the result's (objects key by key, arrays element by element with the
/// same length; `lines` may be given as an object keyed by line id). The top-level `nudges` and
/// `not_applied` are advice, not promises, and are not compared. Returns at most `limit` differences,
/// in document order of `shown`.
std::vector<Difference> compare_results(const json_edge::Json& shown, const json_edge::Json& expected,
                                        std::size_t limit = 100);

}  // namespace till::server
