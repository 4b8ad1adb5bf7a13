// The `till` command (SPEC §10): price a request, check a rule set, or print its public view. All the
// work is done by the JSON edge; this file only reads files and maps outcomes to exit codes.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "json/json_api.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 2;
constexpr int kExitUsage = 64;  // EX_USAGE
constexpr std::size_t kMaxDocumentBytes = 4 * 1024 * 1024;

constexpr const char* kUsage =
    "usage:\n"
    "  till price --rules RULES.json --request REQUEST.json\n"
    "      prints the priced result (exit 0) or an error object (exit 2)\n"
    "  till check --rules RULES.json\n"
    "      prints \"ok: N promotions (...)\" (exit 0) or an error object (exit 2)\n"
    "  till public-view --rules RULES.json\n"
    "      prints the rule set browsers may see: non-public coupon codes emptied\n"
    "  till --help\n"
    "Either file may be - (standard input), but not both.\n";

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

int usage_error(const std::string& problem) {
  std::fprintf(stderr, "till: %s\n%s", problem.c_str(), kUsage);
  return kExitUsage;
}

int print_error(const till::Error& error) {
  print(till::write_error(error));
  return kExitInvalid;
}

/// The bytes of `path` ("-": standard input), read in binary mode. A file that cannot be read is an
/// invalid_json error of its document, and one over 4 MiB is limit_exceeded; at most 4 MiB + 1 byte is
/// ever held, however large the file.
till::Outcome<std::string> read_document(const std::string& path, const char* document) {
  const bool from_stdin = path == "-";
  std::FILE* file = from_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return till::Error{till::ErrorCode::invalid_json, document, "", "cannot read the " + std::string(document) +
                                                                          " file \"" + path + "\""};
  }
  std::string text;
  char buffer[65536];
  bool too_large = false;
  while (!too_large) {
    const std::size_t got = std::fread(buffer, 1, sizeof buffer, file);
    text.append(buffer, got);
    too_large = text.size() > kMaxDocumentBytes;
    if (got < sizeof buffer) break;
  }
  const bool failed = std::ferror(file) != 0;
  if (!from_stdin) std::fclose(file);
  if (failed) {
    return till::Error{till::ErrorCode::invalid_json, document, "", "cannot read the " + std::string(document) +
                                                                          " file \"" + path + "\""};
  }
  if (too_large) {
    return till::Error{till::ErrorCode::limit_exceeded, document, "",
                       "the " + std::string(document) + " file is larger than 4 MiB (" +
                           std::to_string(kMaxDocumentBytes) + " bytes)"};
  }
  return text;
}

int price(const std::string& rules_path, const std::string& request_path) {
  const auto rules = read_document(rules_path, "rules");
  if (!rules) return print_error(rules.error());
  const auto request = read_document(request_path, "request");
  if (!request) {
    // The whole rule set is checked before the request (§8), so a bad rule set wins over a bad file.
    const auto checked = till::read_rules(*rules);
    return print_error(checked ? request.error() : checked.error());
  }
  const till::PriceOutput output = till::price_json(*rules, *request);
  print(output.text);
  return output.is_error ? kExitInvalid : kExitOk;
}

int check(const std::string& rules_path) {
  const auto text = read_document(rules_path, "rules");
  if (!text) return print_error(text.error());
  const auto rules = till::read_rules(*text);
  if (!rules) return print_error(rules.error());

  print(till::check_summary(*rules));
  return kExitOk;
}

int public_view(const std::string& rules_path) {
  const auto text = read_document(rules_path, "rules");
  if (!text) return print_error(text.error());
  const auto view = till::public_view(*text);
  if (!view) return print_error(view.error());
  print(*view);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("a command is required");
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    print(kUsage);
    return kExitOk;
  }
  std::optional<std::string> rules;
  std::optional<std::string> request;
  for (int i = 2; i < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--help" || option == "-h") {
      print(kUsage);
      return kExitOk;
    }
    std::optional<std::string>* target = option == "--rules" ? &rules : option == "--request" ? &request : nullptr;
    if (target == nullptr) return usage_error("unknown option \"" + option + "\"");
    if (i + 1 >= argc) return usage_error(option + " needs a file name");
    if (target->has_value()) return usage_error(option + " is given twice");
    *target = argv[i + 1];
  }

  if (command == "price") {
    if (!rules || !request) return usage_error("price needs --rules and --request");
    if (*rules == "-" && *request == "-") return usage_error("only one of the files may be - (standard input)");
    return price(*rules, *request);
  }
  if (command == "check" || command == "public-view") {
    if (!rules) return usage_error(command + " needs --rules");
    if (request) return usage_error(command + " takes no --request");
    return command == "check" ? check(*rules) : public_view(*rules);
  }
  return usage_error("unknown command \"" + command + "\"");
}
