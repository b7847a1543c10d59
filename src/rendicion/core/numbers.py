"""Number rules shared by the apps that publish figures (DESIGN.md section 2: percentages)."""


def percent(count: int, total: int) -> int:
    """Share of total, rounded half-up to a whole number (0 when there is no total)."""
    if total <= 0:
        return 0
    return (count * 200 + total) // (2 * total)
