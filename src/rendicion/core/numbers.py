"""Number rules shared by the apps that publish figures (DESIGN.md section 2: percentages)."""


def percent(count: int, total: int) -> int:
    """Share of total, rounded half-up to a whole number (0 when there is no total)."""
    if total <= 0:
        return 0
    return (count * 200 + total) // (2 * total)


def figure_format(value) -> str:
    """A figure as Colombian texts write it: dots between thousands, a comma before decimals
    ("339.876", "1,5"); trailing decimal zeros are dropped."""
    from decimal import Decimal

    number = Decimal(value)
    sign = "-" if number < 0 else ""
    number = abs(number)
    whole, _dot, decimals = f"{number:f}".partition(".")
    decimals = decimals.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + decimals if decimals else "")
