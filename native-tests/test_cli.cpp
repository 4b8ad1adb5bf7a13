// The `till` command (§10), run as a process: exit codes 0 / 2 / 64, output identical to the JSON edge's,
// standard input, unreadable and oversized files. Native only: the binary's path comes from CMake.
#if defined(TILL_CLI_PATH)

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "json/json_api.hpp"
#include "support/json_documents.hpp"

namespace {

/// `path` in single quotes, for the shell. Appends instead of operator+, which trips GCC 12's false
/// -Wrestrict warning at -O2.
std::string shell_quoted(const std::filesystem::path& path) {
  std::string quoted;
  quoted += '\'';
  quoted += path.string();
  quoted += '\'';
  return quoted;
}

struct Run {
  int exit_code = -1;
  std::string out;
};

/// Runs `till ARGS` through the shell (so ARGS may redirect), capturing standard output only.
Run till_cli(const std::string& args) {
  const std::string command = shell_quoted(TILL_CLI_PATH) + " " + args + " 2>/dev/null";
  Run run;
  std::FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, got);
  const int status = pclose(pipe);
  REQUIRE(WIFEXITED(status));
  run.exit_code = WEXITSTATUS(status);
  return run;
}

/// A scratch directory for one test, removed afterwards.
class Scratch {
 public:
  Scratch() : dir_(std::filesystem::temp_directory_path() / ("till-cli-test-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string write(const std::string& name, const std::string& text) const {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return shell_quoted(path);
  }
  std::string path(const std::string& name) const { return shell_quoted(dir_ / name); }
  std::string mkdir(const std::string& name) const {
    std::filesystem::create_directories(dir_ / name);
    return path(name);
  }

 private:
  std::filesystem::path dir_;
};

const std::string kRules = till::testing::rules_with(
    R"({"id": "ten", "reward": {"type": "percent_off_order", "percent": 10}},
       {"id": "bogof", "reward": {"type": "multibuy", "selector": {}, "quantity": 2, "pay_for": 1}},
       {"id": "more", "coupon": {"codes": ["MORE"]}, "reward": {"type": "amount_off_order", "amount": 100}},
       {"id": "ship", "reward": {"type": "shipping", "percent": 100}})");
const std::string kRequest = till::testing::request_with("");

}  // namespace

TEST_CASE("till price prints the result and exits 0", "[cli]") {
  const Scratch scratch;
  const Run run = till_cli("price --rules " + scratch.write("r.json", kRules) + " --request " +
                           scratch.write("q.json", kRequest));
  CHECK(run.exit_code == 0);
  CHECK(run.out == till::price_json(kRules, kRequest).text);
}

TEST_CASE("till price reads either document from standard input", "[cli]") {
  const Scratch scratch;
  const std::string rules = scratch.write("r.json", kRules);
  const std::string request = scratch.write("q.json", kRequest);
  const std::string expected = till::price_json(kRules, kRequest).text;
  CHECK(till_cli("price --rules - --request " + request + " < " + rules).out == expected);
  const Run from_stdin = till_cli("price --request - --rules " + rules + " < " + request);
  CHECK(from_stdin.exit_code == 0);
  CHECK(from_stdin.out == expected);
}

TEST_CASE("till price prints one error object and exits 2 for invalid input", "[cli]") {
  const Scratch scratch;
  const std::string bad_request = R"({"currency": "GBP", "now": "2026-11-22T10:00:00Z",
      "lines": [{"id": "l1", "sku": "A", "quantity": 0, "unit_price": 1}]})";
  const Run run = till_cli("price --rules " + scratch.write("r.json", kRules) + " --request " +
                           scratch.write("q.json", bad_request));
  CHECK(run.exit_code == 2);
  CHECK(run.out == till::price_json(kRules, bad_request).text);
  CHECK(run.out.find("\"path\": \"/lines/0/quantity\"") != std::string::npos);
}

TEST_CASE("an unreadable file is invalid_json for its document, after the rules are checked", "[cli]") {
  const Scratch scratch;
  const std::string request = scratch.write("q.json", kRequest);
  Run run = till_cli("price --rules " + scratch.path("missing.json") + " --request " + request);
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("\"code\": \"invalid_json\"") != std::string::npos);
  CHECK(run.out.find("\"document\": \"rules\"") != std::string::npos);

  run = till_cli("price --rules " + scratch.write("r.json", kRules) + " --request " + scratch.path("missing.json"));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("\"code\": \"invalid_json\"") != std::string::npos);
  CHECK(run.out.find("\"document\": \"request\"") != std::string::npos);

  // A directory cannot be read as a document either.
  run = till_cli("price --rules " + scratch.mkdir("dir") + " --request " + request);
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("\"document\": \"rules\"") != std::string::npos);

  // An invalid rule set is reported before an unreadable request (§8: the whole rule set first).
  run = till_cli("price --rules " + scratch.write("bad.json", R"({"currency": "gbp"})") + " --request " +
                 scratch.path("missing.json"));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("\"code\": \"invalid_rules\"") != std::string::npos);
}

TEST_CASE("a file over 4 MiB is limit_exceeded", "[cli]") {
  const Scratch scratch;
  const std::string big = R"({"currency": "GBP", "id": ")" + std::string(5 * 1024 * 1024, 'x') + "\"}";
  const Run run = till_cli("check --rules " + scratch.write("big.json", big));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("\"code\": \"limit_exceeded\"") != std::string::npos);
  CHECK(run.out.find("\"document\": \"rules\"") != std::string::npos);
}

TEST_CASE("wrong arguments print usage and exit 64", "[cli]") {
  const Scratch scratch;
  const std::string rules = scratch.write("r.json", kRules);
  const std::string request = scratch.write("q.json", kRequest);
  const std::string wrong[] = {
      "",
      "prize --rules " + rules + " --request " + request,
      "price --rules " + rules,
      "price --request " + request,
      "price --rules - --request - < " + rules,
      "price --rules " + rules + " --request " + request + " --rules " + rules,
      "price --rules " + rules + " --request " + request + " --verbose",
      "price --rules " + rules + " --request",
      "check",
      "check --rules " + rules + " --request " + request,
      "public-view",
  };
  for (const std::string& args : wrong) {
    INFO(args);
    const Run run = till_cli(args);
    CHECK(run.exit_code == 64);
    CHECK(run.out.empty());
  }
}

TEST_CASE("till --help prints usage and exits 0", "[cli]") {
  const Run run = till_cli("--help");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("till price --rules RULES.json --request REQUEST.json") != std::string::npos);
}

TEST_CASE("till check counts promotions by type in the SPEC's order", "[cli]") {
  const Scratch scratch;
  Run run = till_cli("check --rules " + scratch.write("r.json", kRules));
  CHECK(run.exit_code == 0);
  CHECK(run.out == "ok: 4 promotions (percent_off_order: 1, amount_off_order: 1, multibuy: 1, shipping: 1)\n");
  run = till_cli("check --rules " + scratch.write("one.json", till::testing::rules_with(till::testing::promotion_with(""))));
  CHECK(run.out == "ok: 1 promotion (percent_off_order: 1)\n");
  run = till_cli("check --rules " + scratch.write("none.json", R"({"currency": "GBP"})"));
  CHECK(run.out == "ok: 0 promotions\n");
  run = till_cli("check --rules - < " + scratch.write("bad.json", R"({"currency": "GBP", "promotions": [{}]})"));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("\"path\": \"/promotions/0/id\"") != std::string::npos);
}

TEST_CASE("till public-view prints the public view", "[cli]") {
  const Scratch scratch;
  const Run run = till_cli("public-view --rules " + scratch.write("r.json", kRules));
  CHECK(run.exit_code == 0);
  CHECK(run.out == *till::public_view(kRules));
  CHECK(run.out.find("MORE") == std::string::npos);
  const Run bad = till_cli("public-view --rules " + scratch.write("bad.json", "[]"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.find("\"code\": \"invalid_rules\"") != std::string::npos);
}

#endif  // TILL_CLI_PATH
