"""Calendar dates as news texts and metadata write them: "31 May 2007", "Aug 6, 2007", "2007-05-31".

Shared by ingestion (publication dates) and, later, event-date resolution.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

# Order matters: the most specific forms first.
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?", re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(r"(?P<year>\d{4})(?P<mon>\d{2})(?P<day>\d{2})$"),
]


def _build(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        month = int(g["mon"]) if g.get("mon") else MONTHS[g["month"].lower().rstrip(".")]
        return date(int(g["year"]), month, int(g["day"]))
    except (ValueError, KeyError, TypeError):
        return None


def find_date(text: str) -> tuple[date, str] | None:
    """The first full calendar date in ``text`` and the words it came from, or None."""
    best: tuple[int, date, str] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            d = _build(m)
            if d is not None and 1800 <= d.year <= 2100:
                if best is None or m.start() < best[0]:
                    best = (m.start(), d, m.group(0).strip())
                break
    return (best[1], best[2]) if best else None


def parse_date(value: str | None) -> str | None:
    """Normalise a metadata date to ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``); None if it isn't one."""
    if not value:
        return None
    value = str(value).strip()
    found = find_date(value)
    if found:
        return found[0].isoformat()
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return value
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return value
    return None


def is_date_line(line: str) -> bool:
    """A header line that is a date and little else ("31 May 2007", "Updated: Aug 6, 2007")."""
    found = find_date(line)
    if not found:
        return False
    rest = line.replace(found[1], " ")
    return len(re.findall(r"[A-Za-z]+", rest)) <= 3
