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

    from .formats import number_es

    number = Decimal(value)
    exponent = number.normalize().as_tuple().exponent
    return number_es(number, max(0, -exponent) if isinstance(exponent, int) else 0)
