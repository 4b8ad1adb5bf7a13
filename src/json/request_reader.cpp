// read_request: the pricing request of SPEC §3, checked in the order §8 gives and turned into a
// till::Request. What needs the rule set (currency_mismatch, the shipping method) is price()'s to check.
#include <set>
#include <string>

#include "json/checker.hpp"
#include "json/document_readers.hpp"
#include "json/json_api.hpp"

namespace till {
namespace {

using json_edge::Amount;
using json_edge::Boolean;
using json_edge::Checker;
using json_edge::Count;
using json_edge::describe;
using json_edge::find_member;
using json_edge::Integer;
using json_edge::Json;
using json_edge::Pointer;
using json_edge::Quantity;
using json_edge::Text;
using json_edge::TextList;

constexpr std::size_t kMaxLines = 1'000;
constexpr std::size_t kMaxCoupons = 100;
constexpr std::int64_t kMaxNudges = 1'000;

class RequestReader {
 public:
  explicit RequestReader(Checker& cx) : cx_(cx) {}

  bool request(const Json& doc, Request& out) {
    const Pointer at;
    if (!cx_.object(doc, at, "the request",
                    {"currency", "now", "lines", "shipping_method", "coupons", "customer", "context", "referral",
                     "usage", "options"},
                    {"currency", "now", "lines"}) ||
        !cx_.currency_code(doc["currency"], at / "currency", "currency", out.currency) ||
        !cx_.timestamp(doc["now"], at / "now", "now", out.now) || !lines(doc["lines"], at / "lines", out.lines) ||
        !cx_.member(doc, at, "shipping_method", out.shipping_method, Text{cx_}) ||
        !coupons(doc, at, out.coupons)) {
      return false;
    }
    if (const Json* customer = find_member(doc, "customer"); customer != nullptr) {
      out.customer.emplace();
      if (!this->customer(*customer, at / "customer", *out.customer)) return false;
    }
    return context(doc, at, out.context) && referral(doc, at, out.referral_token) &&
           usage(doc, at, out.usage) && options(doc, at, out.options);
  }

 private:
  /// A string that must not be empty (a line's id and sku).
  bool non_empty(const Json& v, const Pointer& at, std::string_view what, std::string& out) {
    if (!cx_.string(v, at, what, out)) return false;
    if (out.empty()) return cx_.fail(at, std::string(what) + " must not be empty");
    return true;
  }

  bool lines(const Json& list, const Pointer& at, std::vector<Line>& out) {
    if (!cx_.is_array(list, at, "lines")) return false;
    if (list.size() > kMaxLines) {
      return cx_.fail_limit(at, "a request holds at most " + std::to_string(kMaxLines) + " lines (got " +
                                    std::to_string(list.size()) + ")");
    }
    std::set<std::string> ids;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Json& v = list[i];
      const Pointer here = at / i;
      Line line;
      if (!cx_.object(v, here, "a line", {"id", "sku", "name", "quantity", "unit_price", "categories", "tags", "brand"},
                      {"id", "sku", "quantity", "unit_price"}) ||
          !non_empty(v["id"], here / "id", "id", line.id)) {
        return false;
      }
      if (!ids.insert(line.id).second) {
        return cx_.fail(here / "id", "duplicate line id " + describe(v["id"]));
      }
      if (!non_empty(v["sku"], here / "sku", "sku", line.sku) || !cx_.member(v, here, "name", line.name, Text{cx_}) ||
          !cx_.member(v, here, "quantity", line.quantity, Quantity{cx_}) ||
          !cx_.member(v, here, "unit_price", line.unit_price, Amount{cx_}) ||
          !cx_.member(v, here, "categories", line.categories, TextList{cx_}) ||
          !cx_.member(v, here, "tags", line.tags, TextList{cx_}) ||
          !cx_.member(v, here, "brand", line.brand, Text{cx_})) {
        return false;
      }
      out.push_back(std::move(line));
    }
    return true;
  }

  bool coupons(const Json& doc, const Pointer& at, std::vector<std::string>& out) {
    const Json* list = find_member(doc, "coupons");
    if (list == nullptr) return true;
    const Pointer here = at / "coupons";
    if (list->is_array() && list->size() > kMaxCoupons) {
      return cx_.fail_limit(here, "a request holds at most " + std::to_string(kMaxCoupons) + " coupon codes (got " +
                                      std::to_string(list->size()) + ")");
    }
    return cx_.string_list(*list, here, "coupons", out);
  }

  bool customer(const Json& v, const Pointer& at, Customer& out) {
    return cx_.object(v, at, "customer",
                      {"id", "segments", "loyalty_tier", "orders_count", "days_since_last_order", "birthday",
                       "newsletter", "country", "recent_purchases"},
                      {}) &&
           cx_.member(v, at, "id", out.id, Text{cx_}) && cx_.member(v, at, "segments", out.segments, TextList{cx_}) &&
           cx_.member(v, at, "loyalty_tier", out.loyalty_tier, Text{cx_}) &&
           cx_.member(v, at, "orders_count", out.orders_count, Count{cx_}) &&
           cx_.member(v, at, "days_since_last_order", out.days_since_last_order, Count{cx_}) &&
           cx_.member(v, at, "birthday", out.birthday,
                      [&](const Json& value, const Pointer& p, std::string_view what, Date& date) {
                        return cx_.date(value, p, what, date);
                      }) &&
           cx_.member(v, at, "newsletter", out.newsletter, Boolean{cx_}) &&
           cx_.member(v, at, "country", out.country, Text{cx_}) && recent_purchases(v, at, out.recent_purchases);
  }

  bool recent_purchases(const Json& customer, const Pointer& at, std::vector<RecentPurchase>& out) {
    const Json* list = find_member(customer, "recent_purchases");
    if (list == nullptr) return true;
    const Pointer list_at = at / "recent_purchases";
    if (!cx_.is_array(*list, list_at, "recent_purchases")) return false;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const Json& v = (*list)[i];
      const Pointer here = list_at / i;
      RecentPurchase purchase;
      if (!cx_.object(v, here, "a recent purchase", {"sku", "days_ago", "categories", "tags", "brand", "unit_price"},
                      {"sku", "days_ago"}) ||
          !cx_.string(v["sku"], here / "sku", "sku", purchase.sku) ||
          !cx_.member(v, here, "days_ago", purchase.days_ago, Count{cx_}) ||
          !cx_.member(v, here, "categories", purchase.categories, TextList{cx_}) ||
          !cx_.member(v, here, "tags", purchase.tags, TextList{cx_}) ||
          !cx_.member(v, here, "brand", purchase.brand, Text{cx_}) ||
          !cx_.member(v, here, "unit_price", purchase.unit_price, Amount{cx_})) {
        return false;
      }
      out.push_back(std::move(purchase));
    }
    return true;
  }

  bool context(const Json& doc, const Pointer& at, Context& out) {
    const Json* v = find_member(doc, "context");
    if (v == nullptr) return true;
    const Pointer here = at / "context";
    return cx_.object(*v, here, "context", {"channel", "device"}, {}) &&
           cx_.member(*v, here, "channel", out.channel, Text{cx_}) &&
           cx_.member(*v, here, "device", out.device, Text{cx_});
  }

  bool referral(const Json& doc, const Pointer& at, std::optional<std::string>& token) {
    const Json* v = find_member(doc, "referral");
    if (v == nullptr) return true;
    const Pointer here = at / "referral";
    token.emplace();
    return cx_.object(*v, here, "referral", {"token"}, {"token"}) &&
           cx_.string((*v)["token"], here / "token", "token", *token);
  }

  bool usage(const Json& doc, const Pointer& at, std::map<std::string, Usage>& out) {
    const Json* v = find_member(doc, "usage");
    if (v == nullptr) return true;
    const Pointer here = at / "usage";
    if (!cx_.is_object(*v, here, "usage")) return false;
    // Keys are promotion ids, but ids the rule set does not know are accepted (§3): the server fills usage
    // from its records, which may be older or newer than the rules.
    for (const auto& [id, entry] : v->items()) {
      const Pointer entry_at = here / id;
      Usage counts;
      if (!cx_.object(entry, entry_at, "a usage entry", {"customer", "total"}, {}) ||
          !cx_.member(entry, entry_at, "customer", counts.customer, Count{cx_}) ||
          !cx_.member(entry, entry_at, "total", counts.total, Count{cx_})) {
        return false;
      }
      out[id] = counts;
    }
    return true;
  }

  bool options(const Json& doc, const Pointer& at, Options& out) {
    const Json* v = find_member(doc, "options");
    if (v == nullptr) return true;
    const Pointer here = at / "options";
    return cx_.object(*v, here, "options", {"max_nudges", "explain"}, {}) &&
           cx_.member(*v, here, "max_nudges", out.max_nudges, Integer{cx_, 0, kMaxNudges}) &&
           cx_.member(*v, here, "explain", out.explain, Boolean{cx_});
  }

  Checker& cx_;
};

}  // namespace

Outcome<Request> json_edge::request_from_json(const Json& document) {
  Checker cx(ErrorCode::invalid_request, "request");
  Request request;
  if (!RequestReader(cx).request(document, request)) return cx.error();
  return request;
}

Outcome<Request> read_request(std::string_view text) {
  const auto parsed = json_edge::parse_strict(text, "request");
  if (!parsed) return parsed.error();
  return json_edge::request_from_json(*parsed);
}

}  // namespace till
