// The validating half of read_rules and read_request, on a document already parsed by parse_strict: the
// public view needs the parsed rules as well as their validation.
#pragma once

#include "core/error.hpp"
#include "core/request.hpp"
#include "core/rules.hpp"
#include "json/strict_parser.hpp"

namespace till::json_edge {

/// Validates a parsed rule set (§2, §8); errors are invalid_rules or limit_exceeded, document "rules".
Outcome<RuleSet> rules_from_json(const Json& document);

/// Validates a parsed request (§3, §8); errors are invalid_request or limit_exceeded, document "request".
Outcome<Request> request_from_json(const Json& document);

}  // namespace till::json_edge
