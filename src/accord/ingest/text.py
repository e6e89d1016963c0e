"""Plain-text articles: find the header (masthead, title, byline, date), drop footers, mend broken lines.

Saved web pages and newsletters arrive as text with a masthead above the headline and contact or
copyright lines below the story. We keep what an analyst needs (title, byline, date, outlet) as
metadata and leave only the story in the body, so that sentences and events come from the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_date, is_date_line, parse_date

# Lines that belong to a page's furniture rather than the story. Matched case-insensitively against a
# whole paragraph; a paragraph at the end of a text that matches is dropped, and so is everything after it.
FOOTER_PATTERNS = [
    r"^to contact (the )?\w+",
    r"^(copyright|\(c\)|©)\b",
    r"all rights reserved",
    r"^(subscribe|sign up)\b.*(newsletter|today|now|here)",
    r"^(follow us|share this|click here|read more|related( articles| stories)?:?$)",
    r"^(this (article|story) (was|is) (first )?(published|printed|posted))",
    r"^(please )?(visit|see) :?$",
    r"^\W*\[?[\w.-]+\.(org|com|net|info)(/[\w./-]*)?\]?(\([^)]*\))?\W*$",  # a bare link line
    r"^(https?://|www\.)\S+$",
]
_FOOTER = [re.compile(p, re.I) for p in FOOTER_PATTERNS]
_BYLINE = re.compile(r"^(by\s+)?([A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){1,3})$")
_TERMINAL = tuple('.!?:;"”’\')]')


@dataclass
class ParsedText:
    body: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    published_from: str | None = None
    outlet: str | None = None


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
    out = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if lines:
            out.append("\n".join(lines))
    return out


def _split_header(blocks: list[str]) -> list[str]:
    """Header blocks often pack byline and date on separate lines of one block: split those off."""
    out: list[str] = []
    for block in blocks:
        current: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if is_date_line(line) or (_BYLINE.match(line) and len(line.split()) <= 5):
                if current:
                    out.append(" ".join(current))
                    current = []
                out.append(line)
            else:
                current.append(line)
        if current:
            out.append(" ".join(current))
    return out


def _is_footer(par: str) -> bool:
    plain = re.sub(r"[*_#>]+", "", par.replace("\n", " ")).strip()
    return any(p.search(plain) for p in _FOOTER)


def _is_story_paragraph(par: str) -> bool:
    """A paragraph of running prose: long and sentence-like."""
    return len(par.split()) >= 18 and bool(re.search(r"[.!?][\"”’)]?$", par))


def _header_length(pars: list[str]) -> int:
    """How many leading paragraphs are header furniture (masthead, headline, byline, date).

    With a date line among the first blocks, everything up to it is header, provided it is all short;
    without one, only leading title-like lines are (short, no closing full stop), so a story whose lead
    paragraph is short is never cut.
    """
    for i, par in enumerate(pars[:10]):
        lines = par.split("\n")
        if any(is_date_line(line) for line in lines):
            if all(len(p.split()) <= 30 for p in pars[: i + 1]) and not any(
                _is_story_paragraph(p) for p in pars[:i]
            ):
                return i + 1
            break
    n = 0
    for i, par in enumerate(pars[:5]):
        continued = i + 1 < len(pars) and pars[i + 1][:1].islower()  # a sentence broken across paragraphs
        if par.startswith("#") or (
            len(par.split()) <= 12 and not par.rstrip().endswith((".", "?", "!")) and not continued
        ):
            n += 1
        else:
            break
    return n if n < len(pars) else 0


def _mend(pars: list[str]) -> list[str]:
    """Join paragraphs split mid-sentence (page breaks in saved articles: "between\\n\\nCrocker")."""
    out: list[str] = []
    for par in pars:
        if out and len(out[-1].split()) >= 8 and not out[-1].endswith(_TERMINAL):
            out[-1] = out[-1] + " " + par
        else:
            out.append(par)
    return out


def parse_plain_text(text: str) -> ParsedText:
    """Split a plain-text article into metadata and body."""
    pars = _paragraphs(text)
    # Footer: from the end, drop furniture paragraphs (and anything after the first one found).
    cut = len(pars)
    for i in range(len(pars) - 1, max(-1, len(pars) - 8), -1):
        if _is_footer(pars[i]):
            cut = i
    pars = pars[:cut]

    first_story = _header_length(pars)
    header = _split_header(pars[:first_story])
    result = ParsedText(body="")
    date_at = next((i for i, p in enumerate(header) if is_date_line(p)), None)
    if date_at is not None:
        found = find_date(header[date_at])
        if found:
            result.published = found[0].isoformat()
            result.published_from = "header"
    title_at = next((i for i, p in enumerate(header) if p.startswith("#")), None)
    rest = [i for i in range(len(header)) if i != date_at]
    if title_at is None and rest:
        before_date = [i for i in rest if date_at is None or i < date_at]
        # The headline is the last header block before the date that is not a byline.
        for i in reversed(before_date or rest):
            if not _BYLINE.match(header[i]) or len(before_date) == 1:
                title_at = i
                break
    if title_at is not None:
        result.title = header[title_at].lstrip("#").strip() or None
        for i in rest:
            if i != title_at and i > title_at and _BYLINE.match(header[i]) and len(header[i].split()) <= 5:
                result.byline = re.sub(r"^by\s+", "", header[i], flags=re.I)
                break
        # A short first line above the headline, separated from it by other furniture, is the masthead.
        if title_at >= 1 and len(header[0].split()) <= 6:
            result.outlet = header[0].strip("#* ")
    body_pars = pars[first_story:] if header else pars
    if result.published is None:
        # A dateline at the start of the story: "BAGHDAD, May 31, 2007 -"
        if body_pars:
            found = find_date(body_pars[0][:120])
            if found:
                result.published = found[0].isoformat()
                result.published_from = "dateline"
    result.body = "\n\n".join(_mend([p.replace("\n", " ") for p in body_pars]))
    return result


__all__ = ["ParsedText", "parse_plain_text", "parse_date"]
