#!/usr/bin/env python3
"""Prices the demo baskets with the till CLI and prints what a shopper would see for each one.

usage: summary.py --till PATH --rules RULES.json BASKET.json [BASKET.json ...]

For every basket (a SPEC section 3 request) it runs `till price --rules RULES --request BASKET` and prints
the lines with their discounts, the applied promotions, gifts, coupon results, nudges, the totals and the
loyalty points. Amounts in the JSON are minor units; they are printed as money (`£1,234.56`, SPEC
section 7). The names of lines and shipping methods come from the request and the rules, because the
result carries only ids.

Exit status: 0 when every basket priced, 1 when any basket gave an error (its error is printed), 2 on
wrong arguments.
"""
import argparse
import json
import os
import signal
import subprocess
import sys

# SPEC section 7: these currencies are written with a symbol in front, every other one with its code after.
SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
# SPEC section 1: minor units per major unit for the ISO 4217 codes the engine knows that are not 100.
ISO_MINOR_UNITS = {"JPY": 1, "KRW": 1, "KWD": 1000, "BHD": 1000, "OMR": 1000, "JOD": 1000, "TND": 1000}


class Money:
    """Formats minor-unit integers in one currency; never goes through floating point."""

    def __init__(self, currency, minor_units):
        self.currency = currency
        self.decimals = len(str(minor_units)) - 1  # minor_units is a power of ten (1 ... 10000)

    def __call__(self, amount):
        sign = "-" if amount < 0 else ""
        amount = abs(amount)
        major, minor = divmod(amount, 10 ** self.decimals)
        text = f"{major:,}"
        if self.decimals:
            text += f".{minor:0{self.decimals}d}"
        if self.currency in SYMBOLS:
            return f"{sign}{SYMBOLS[self.currency]}{text}"
        return f"{sign}{text} {self.currency}"


def describe_shopper(request):
    customer = request.get("customer")
    context = request.get("context", {})
    where = "/".join(v for v in (context.get("channel"), context.get("device")) if v)
    if customer is None:
        parts = ["guest"]
    else:
        parts = [customer.get("id", "customer")]
        if customer.get("loyalty_tier"):
            parts.append(f"{customer['loyalty_tier']} tier")
        orders = customer.get("orders_count")
        if orders is not None:
            parts.append("first order" if orders == 0 else f"{orders} orders before")
        if customer.get("days_since_last_order") is not None:
            parts.append(f"last order {customer['days_since_last_order']} days ago")
        if customer.get("birthday"):
            parts.append(f"birthday {customer['birthday']}")
        if customer.get("newsletter"):
            parts.append("newsletter subscriber")
    if where:
        parts.append(f"shopping on {where}")
    return ", ".join(parts)


def promotion_label(entry):
    """An applied promotion as the shopper reads it: its message, and for a tier also the offer's name."""
    if entry.get("tier_name") and entry["message"] == entry["tier_name"]:
        return f"{entry['name']} ({entry['tier_name']})"
    return entry["message"]


def print_summary(title, request, result, rules, money):
    names = {line["id"]: line.get("name", line["sku"]) for line in request["lines"]}
    labels = {entry["promotion"]: promotion_label(entry) for entry in result["applied"]}
    promotion_names = {promotion["id"]: promotion.get("name", promotion["id"])
                       for promotion in rules.get("promotions", [])}
    methods = {method["id"]: method["name"] for method in rules.get("shipping_methods", [])}
    gift_worth = {}
    for gift in result["gifts"]:
        gift_worth[gift["promotion"]] = gift_worth.get(gift["promotion"], 0) + gift["value"] * gift["quantity"]

    rows = [(line["quantity"], names[line["id"]], line["subtotal"], line["discount"], line["total"],
             line["adjustments"]) for line in result["lines"]]
    rows += [(gift["quantity"], f"Free gift: {gift['name']}", gift["value"] * gift["quantity"],
              gift["value"] * gift["quantity"], 0, []) for gift in result["gifts"]]
    width = max([len("Item")] + [len(row[1]) for row in rows])

    print(f"=== {title}")
    print(f"Shopper: {describe_shopper(request)}")
    if request.get("coupons"):
        print(f"Codes entered: {', '.join(code.strip() for code in request['coupons'])}")
    print()
    print(f"  {'Qty':>4}  {'Item':<{width}} {'Price':>10} {'Discount':>10} {'Total':>10}")
    for quantity, name, subtotal, discount, total, adjustments in rows:
        print(f"  {quantity:>4}  {name:<{width}} {money(subtotal):>10} "
              f"{money(-discount) if discount else '':>10} {money(total):>10}")
        for adjustment in adjustments:
            label = labels.get(adjustment["promotion"], adjustment["promotion"])
            print(f"        {label} ({money(-adjustment['amount'])})")
    print()

    totals = [("Subtotal", result["subtotal"])]
    if result["item_discount"]:
        totals.append(("Item discounts", -result["item_discount"]))
    if result["order_discount"]:
        totals.append(("Order discounts", -result["order_discount"]))
    totals.append(("Merchandise", result["merchandise_total"]))
    shipping = result.get("shipping")
    if shipping:
        totals.append((methods.get(shipping["method"], shipping["method"]), shipping["price"]))
        if shipping["discount"]:
            totals.append(("Delivery discount", -shipping["discount"]))
    totals.append(("Total to pay", result["total"]))
    label_width = width + 28
    for label, amount in totals:
        print(f"  {label:<{label_width}} {money(amount):>10}")
    if result["discount_total"]:
        print(f"  {'You save':<{label_width}} {money(result['discount_total']):>10}")
    if "loyalty_points" in result:
        print(f"  {'Loyalty points earned':<{label_width}} {result['loyalty_points']:>10,}")
    if not result.get("optimal", True):
        print("  (the search budget ran out: this is the best combination found, not proven the best)")

    if result["applied"]:
        print("\n  Applied promotions:")
        for entry in result["applied"]:
            if entry["promotion"] in gift_worth:
                what = f"a free gift worth {money(gift_worth[entry['promotion']])}"
            else:
                what = money(entry["amount"])
            print(f"    - {labels[entry['promotion']]}: {what}")
    if result["coupons"]:
        print("\n  Codes:")
        for coupon in result["coupons"]:
            status = coupon["status"].replace("_", " ")
            details = []
            if coupon.get("promotion"):
                details.append(promotion_names.get(coupon["promotion"], coupon["promotion"]))
            if coupon.get("reason"):
                details.append(coupon["reason"].replace("_", " ")
                               + (f" ({coupon['detail']})" if coupon.get("detail") else ""))
            print(f"    - {coupon['code']}: {status}{' - ' + '; '.join(details) if details else ''}")
    if result["nudges"]:
        print("\n  Nudges:")
        for nudge in result["nudges"]:
            worth = f"worth {money(nudge['benefit'])}, " if nudge["benefit"] else ""
            print(f"    - {nudge['message']}  ({worth}{int(nudge['progress'] * 100)}% of the way)")
    print()


def main():
    # Piped into `head` or `less`, stop quietly when the reader goes away, as other command-line tools do.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = argparse.ArgumentParser(description="Price the demo baskets and print a readable summary.")
    parser.add_argument("--till", required=True, help="path of the till CLI")
    parser.add_argument("--rules", required=True, help="the rule set (SPEC section 2)")
    parser.add_argument("baskets", nargs="+", help="pricing requests (SPEC section 3)")
    args = parser.parse_args()

    with open(args.rules, encoding="utf-8") as f:
        rules = json.load(f)
    currency = rules["currency"]
    money = Money(currency, rules.get("minor_units", ISO_MINOR_UNITS.get(currency, 100)))

    failures = 0
    for path in args.baskets:
        with open(path, encoding="utf-8") as f:
            request = json.load(f)
        proc = subprocess.run([args.till, "price", "--rules", args.rules, "--request", path],
                              capture_output=True, text=True)
        title = os.path.splitext(os.path.basename(path))[0].replace("-", " ")
        if proc.returncode != 0:
            failures += 1
            print(f"=== {title}\n  till price failed (exit {proc.returncode}):\n"
                  f"  {(proc.stdout + proc.stderr).strip()}\n")
            continue
        print_summary(title, request, json.loads(proc.stdout), rules, money)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
