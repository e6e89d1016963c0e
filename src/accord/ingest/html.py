"""HTML pages: main text and metadata through trafilatura (offline; no fetching)."""

from __future__ import annotations

import json

from ..records import Document
from .dates import parse_date
from .text import parse_plain_text


def parse_html(html: str, doc_id: str, source: str) -> Document:
    """Extract the article body, title, byline, site name, date and URL from an HTML page."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    meta = json.loads(extracted) if extracted else {}
    text = meta.get("text") or meta.get("raw_text") or ""
    parsed = parse_plain_text(text) if text else None
    published = parse_date(meta.get("date"))
    return Document(
        id=doc_id,
        text=parsed.body if parsed else "",
        title=meta.get("title") or (parsed.title if parsed else None),
        published=published or (parsed.published if parsed else None),
        published_from="metadata" if published else (parsed.published_from if parsed else None),
        outlet=meta.get("sitename") or meta.get("hostname"),
        byline=meta.get("author"),
        url=meta.get("source") or meta.get("url"),
        source=source,
    )
