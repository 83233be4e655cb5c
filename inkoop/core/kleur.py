"""Contrast of colours as WCAG 2.1 defines it (relative luminance, ratio 1–21)."""


def _luminantie(hex_kleur: str) -> float:
    kanalen = [int(hex_kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineair = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    r, g, b = lineair
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(voorgrond: str, achtergrond: str = "#ffffff") -> float:
    """The contrast ratio of two #RRGGBB colours; text needs 4.5 (WCAG 2.1 AA)."""
    licht, donker = sorted((_luminantie(voorgrond), _luminantie(achtergrond)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)
