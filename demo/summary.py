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


def print_summary(title, request, result, rules, money):
    names = {line["id"]: line.get("name", line["sku"]) for line in request["lines"]}
    labels = {entry["promotion"]: entry["message"] for entry in result["applied"]}
    methods = {method["id"]: method["name"] for method in rules.get("shipping_methods", [])}

    print(f"=== {title}")
    print(f"Shopper: {describe_shopper(request)}")
    if request.get("coupons"):
        print(f"Codes entered: {', '.join(code.strip() for code in request['coupons'])}")
    print()
    print(f"  {'Qty':>4}  {'Item':<34} {'Price':>10} {'Discount':>10} {'Total':>10}")
    for line in result["lines"]:
        print(f"  {line['quantity']:>4}  {names[line['id']]:<34} {money(line['subtotal']):>10} "
              f"{money(-line['discount']) if line['discount'] else '':>10} {money(line['total']):>10}")
        for adjustment in line["adjustments"]:
            label = labels.get(adjustment["promotion"], adjustment["promotion"])
            print(f"        {label} ({money(-adjustment['amount'])})")
    for gift in result["gifts"]:
        print(f"  {gift['quantity']:>4}  {gift['name'] + ' (free gift)':<34} {money(gift['value'] * gift['quantity']):>10} "
              f"{money(-gift['value'] * gift['quantity']):>10} {money(0):>10}")
    print()

    totals = [("Subtotal", result["subtotal"])]
    if result["item_discount"]:
        totals.append(("Item discounts", -result["item_discount"]))
    if result["order_discount"]:
        totals.append(("Order discounts", -result["order_discount"]))
    totals.append(("Merchandise", result["merchandise_total"]))
    shipping = result.get("shipping")
    if shipping:
        method = methods.get(shipping["method"], shipping["method"])
        totals.append((f"{method}", shipping["price"]))
        if shipping["discount"]:
            totals.append(("Delivery discount", -shipping["discount"]))
    totals.append(("Total to pay", result["total"]))
    for label, amount in totals:
        print(f"  {label:<50} {money(amount):>10}")
    if result["discount_total"]:
        print(f"  {'You save':<50} {money(result['discount_total']):>10}")
    if "loyalty_points" in result:
        print(f"  {'Loyalty points earned':<50} {result['loyalty_points']:>10,}")
    if not result.get("optimal", True):
        print("  (the search budget ran out: this is the best combination found, not proven the best)")

    if result["applied"]:
        print("\n  Applied promotions:")
        for entry in result["applied"]:
            tier = f" [{entry['tier_name']}]" if entry.get("tier_name") else ""
            print(f"    - {entry['message']}{tier}: {money(entry['amount'])}")
    if result["coupons"]:
        print("\n  Codes:")
        for coupon in result["coupons"]:
            why = coupon.get("reason", "")
            if coupon.get("detail"):
                why += f" ({coupon['detail']})"
            print(f"    - {coupon['code']}: {coupon['status'].replace('_', ' ')}"
                  f"{' - ' + why if why else ''}")
    if result["nudges"]:
        print("\n  Nudges:")
        for nudge in result["nudges"]:
            print(f"    - {nudge['message']}  (worth {money(nudge['benefit'])}, "
                  f"{int(nudge['progress'] * 100)}% of the way)")
    print()


def main():
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
