// Referral tokens (SPEC §9): only a valid, unexpired token that is not the shopper's own keeps a referral
// promotion at checkout.
#include <catch2/catch.hpp>

#include "checkout_helpers.hpp"
#include "server/referral_token.hpp"
#include "test_database.hpp"

using namespace till::server::testing;

TEST_CASE("referral tokens verify only unaltered, unexpired, under the same secret") {
  const till::server::ReferralTokens tokens("a secret of enough length");
  const std::string token = tokens.issue("c-ann", 2000);
  CHECK(tokens.verify(token, 1999) == "c-ann");
  CHECK_FALSE(tokens.verify(token, 2000));  // expired
  CHECK_FALSE(till::server::ReferralTokens("another secret of length").verify(token, 1000));
  std::string altered = token;
  altered[2] = altered[2] == 'A' ? 'B' : 'A';
  CHECK_FALSE(tokens.verify(altered, 1000));
  CHECK_FALSE(tokens.verify("", 1000));
  CHECK_FALSE(tokens.verify("no-dot-here", 1000));
  CHECK_FALSE(tokens.verify("....", 1000));
}

TEST_CASE("a referral promotion survives checkout only with a valid token that is not the shopper's own") {
  TestDatabase database;
  ServerProcess server(database.name());
  auto client = server.client();
  const Reply issued = post(client, "/api/referrals", R"({"referrer": "c-ann"})");
  REQUIRE(issued.status == 200);
  const std::string token = issued.json()["token"];
  CHECK(issued.json()["expires_at"].is_string());

  json referred = basket({{"H200", 1}}, std::string("c-bob"));
  referred["referral"] = {{"token", token}};
  const json with_token = preview(client, referred);
  CHECK(with_token["applied"].dump().find("friends") != std::string::npos);
  CHECK(checkout(client, referred, with_token, unique_key("referred")).status == 200);

  // The referrer's own token, and a forged one, do not count: a page that shows the discount gets 409.
  json own = referred;
  own["customer"]["id"] = "c-ann";
  CHECK(checkout(client, own, with_token, unique_key("own")).status == 409);
  json forged = referred;
  forged["referral"]["token"] = "Zm9yZ2Vk.Zm9yZ2Vk";
  CHECK(checkout(client, forged, with_token, unique_key("forged")).status == 409);
  CHECK(preview(client, forged)["applied"].dump().find("friends") == std::string::npos);
}
