// Pricing one combination of promotions (SPEC §5.3). The optimiser (optimiser.cpp), priority mode
// (priority_selection.cpp) and the brute-force reference in the tests all price combinations with these
// functions, so they can differ only in which combination they choose.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/basket.hpp"
#include "core/request.hpp"
#include "core/result.hpp"
#include "core/rules.hpp"

namespace till {

/// What the lines matching one `condition.items` entry hold, at regular prices.
struct ItemCount {
  std::int64_t units = 0;
  Money amount = 0;
  bool operator==(const ItemCount&) const = default;
};

/// Per tier of a promotion: where its selectors match and what its `items` condition counts (all depend
/// only on the request's lines at regular prices).
struct TierFacts {
  std::vector<std::uint8_t> matches;      // per line: the reward's selector (buy_x_get_y: `buy`) matches
  std::vector<std::uint8_t> get_matches;  // per line: buy_x_get_y's `get` selector matches
  std::vector<ItemCount> item_counts;     // per condition.items entry
  bool items_hold = true;                 // every condition.items entry is met
};

struct PromotionFacts {
  std::vector<TierFacts> tiers;
  std::vector<std::uint8_t> lines;  // per line: some tier could use a unit of it (item class)
};

/// Everything about a request that does not depend on the chosen combination: the expanded units, and
/// for each promotion whether it may take part at all (§5.1) and, if not, why (§5.5).
struct PricingContext {
  const RuleSet* rules = nullptr;
  const Request* request = nullptr;
  Basket basket;
  std::optional<Money> shipping_price;  // the chosen method's price, when the request names one
  std::vector<std::string> entered_codes;  // distinct normalised request codes, first spelling's order

  /// Per promotion (rule-set order): the first pre-check reason that fails (not_started ... usage_limit),
  /// or nullopt when it passes them; `audience_detail` names the failing audience field.
  std::vector<std::optional<Reason>> precheck;
  std::vector<std::string> audience_detail;
  /// Per promotion: the indexes of the entered codes (into entered_codes) that this promotion carries.
  std::vector<std::vector<int>> codes_used;
  std::vector<PromotionFacts> facts;  // per promotion
  /// Per promotion: it passes the pre-checks and gives something alone on the basket without other
  /// discounts (its condition measured there). Only these can ever apply.
  std::vector<bool> candidate;
  /// Per promotion: what it gives alone there (0 when it is not a candidate); a gift's worth for gifts.
  std::vector<Money> alone_amount;
};

/// The first §5.1 pre-check `promo` fails for `request` (not_started, expired, coupon_required, audience,
/// usage_limit), or nullopt; `entered` holds the request's distinct normalised codes. For an audience
/// failure, `audience_detail` names the first failing field (§2.4 order).
std::optional<Reason> precheck(const Promotion& promo, const Request& request, const std::vector<std::string>& entered,
                               std::string& audience_detail);

/// Builds the context. Requires rules and request already validated and matched (currency, method).
PricingContext make_context(const RuleSet& rules, const Request& request);

/// Grows a context in place by one line, and shrinks it back when destroyed (for nudges, which re-price a
/// basket many times with one line added). While it lives, `context` is exactly what make_context builds
/// for `extended`, which must be `*context.request` with one line appended and nothing else changed, and
/// must outlive it: only the added line is matched against the promotions, only promotions it can change
/// are re-priced alone, and nothing is copied but what it changes.
///
/// With `only`, just that promotion is grown (its facts, and whether it is a candidate, with what it
/// gives alone): the rest keep their facts for the lines before, so the context then answers for `only`
/// and nothing else. A nudge probe asks that first, as a promotion that is no candidate cannot apply.
class LineExtension {
 public:
  LineExtension(PricingContext& context, const Request& extended, std::optional<int> only = std::nullopt);
  ~LineExtension();
  LineExtension(const LineExtension&) = delete;
  LineExtension& operator=(const LineExtension&) = delete;

 private:
  PricingContext& context_;
  const Request* request_;  // what the context held before
  std::size_t units_;
  Money subtotal_;
  std::size_t first_, last_;  // the promotions grown: [first_, last_)
  std::vector<bool> candidate_;       // what the context held for them before
  std::vector<Money> alone_amount_;
  std::vector<std::uint8_t> counted_;  // per condition.items entry of each tier, in order: it counts the line
};

/// A combination: which promotions apply, and for non-stackable item promotions, the order in which they
/// take units (each takes, by its own rules, from the units no earlier one took). Indexes are into
/// rules.promotions. Stackables apply in priority-then-id order whatever order they are listed in.
struct Combination {
  std::optional<int> exclusive;  // when set, the combination is this promotion alone
  std::vector<int> item_sequence;
  std::vector<int> item_stackables;
  std::optional<int> order_promotion;
  std::vector<int> order_stackables;
  std::optional<int> shipping_promotion;
  std::vector<int> shipping_stackables;
  bool operator==(const Combination&) const = default;
};

/// What one applied promotion did.
struct AppliedPromotion {
  int promotion = 0;
  int tier = 0;
  Money amount = 0;                 // off lines and shipping
  std::vector<Money> line_amounts;  // per line of the request
  Money shipping_amount = 0;
  std::vector<std::int32_t> units;  // sorted positions of the units it used (item class only)
};

/// A priced combination: everything the result needs and everything selection compares.
struct Priced {
  /// False when a promotion of the combination does not apply in it (its condition fails where it is
  /// measured, or it gives nothing): such a combination is not allowed (it is a smaller one in disguise).
  bool valid = true;
  std::vector<AppliedPromotion> applied;  // every applied promotion, gifts included, in §4 order
  std::vector<Money> unit_prices;         // final price of each unit
  Money item_discount = 0;
  Money order_discount = 0;
  Money shipping_discount = 0;
  Money gift_value = 0;  // sum of value × quantity of the gifts
  Money benefit() const { return item_discount + order_discount + shipping_discount + gift_value; }
};

/// Prices `combination` in full; gifts are added as §5.3 says (every eligible gift promotion, unless the
/// combination is exclusive). Never fails: an impossible combination comes back with valid == false.
Priced evaluate(const PricingContext& context, const Combination& combination);

/// The §5.4 comparison: true when `a` is strictly better for the shopper than `b`. Both must be valid.
bool better(const PricingContext& context, const Priced& a, const Priced& b);

/// Steps 2-5 of the §5.4 comparison, which depend only on which promotions apply: `a` and `b` list the
/// applied promotions (gifts included, any order). -1 when a's set wins, 1 when b's wins, 0 when they tie
/// there. `better` of two equal benefits is this, then `better_units` when it is 0.
int compare_applied_sets(const PricingContext& context, const std::vector<int>& a, const std::vector<int>& b);

/// Step 6 of the §5.4 comparison (the units each promotion used): true when `a` wins it.
bool better_units(const PricingContext& context, const Priced& a, const Priced& b);

}  // namespace till
