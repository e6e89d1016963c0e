"""Readers: files, directories and stdin in, ``Document`` or ``InputError`` records out.

Each format is one small function in ``READERS``, chosen by file extension (after an optional
``.gz``). A reader never raises for bad content: it yields an ``InputError`` naming the input (and
line) and goes on, so one broken file never costs the rest of a batch.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from dataclasses import dataclass, field
from typing import IO, Any

from ..records import Document, InputError, content_hash
from .dates import parse_date
from .html import parse_html
from .text import parse_plain_text

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # one article; a larger "article" is almost surely not one
MAX_LINE_BYTES = 20 * 1024 * 1024

Item = Document | InputError


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: their text encoding (None: UTF-8) and, for JSONL/CSV, field names (see
    ``document_from_record``)."""

    encoding: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)


class BadInput(Exception):
    """Raised inside a reader for a problem with the whole input; turned into an ``InputError``."""

    def __init__(self, message: str, kind: str = "unreadable") -> None:
        super().__init__(message)
        self.kind = kind


def _open_bytes(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")
    return open(path, "rb")


def _read_limited(stream: IO[bytes], limit: int) -> bytes:
    data = stream.read(limit + 1)
    if _looks_binary(data):
        raise BadInput("binary data, not text", "binary")
    if len(data) > limit:
        raise BadInput(f"larger than {limit // (1024 * 1024)} MiB; not read (split it into documents)", "oversized")
    return data


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.05


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text: the given encoding, else strict UTF-8 (with or without BOM)."""
    if _looks_binary(data):
        raise BadInput("binary data, not text", "binary")
    try:
        return data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"not valid {encoding or 'UTF-8'} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode it or pass --encoding",
            "encoding",
        ) from None
    except LookupError:
        raise BadInput(f"unknown encoding {encoding!r}", "encoding") from None


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[0] if "." in name else name


def _format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    return EXTENSIONS.get(ext)


def _require_text(text: str, where: str) -> str:
    if not text or not text.strip():
        raise BadInput("empty document (no text)", "empty")
    return text


def read_text_file(path: Path, source: str, opts: ReadOptions) -> Iterator[Item]:
    with _open_bytes(path) as fh:
        raw = decode(_read_limited(fh, MAX_DOCUMENT_BYTES), opts.encoding)  # noqa: limit read at call time
    _require_text(raw, source)
    parsed = parse_plain_text(raw)
    _require_text(parsed.body, source)
    yield Document(
        id=_stem(path),
        text=parsed.body,
        title=parsed.title,
        published=parsed.published,
        published_from=parsed.published_from,
        outlet=parsed.outlet,
        byline=parsed.byline,
        source=source,
    )


def read_html_file(path: Path, source: str, opts: ReadOptions) -> Iterator[Item]:
    with _open_bytes(path) as fh:
        raw = decode(_read_limited(fh, MAX_DOCUMENT_BYTES), opts.encoding)  # noqa: limit read at call time
    _require_text(raw, source)
    doc = parse_html(raw, doc_id=_stem(path), source=source)
    _require_text(doc.text, source)
    yield doc


RECORD_FIELDS = ("id", "text", "title", "published", "outlet", "url", "byline")


def document_from_record(record: Any, source: str, fallback_id: str | None = None,
                         fields: Mapping[str, str] | None = None) -> Document:
    """A JSONL/CSV record ``{id, text, title?, published?, outlet?, url?, byline?}`` to a Document.

    ``fields`` maps accord's field names to the record's own (``{"text": "doc_text", "id": "doc_id"}``), for
    corpora that name them differently (``accord code --field text=doc_text``).
    """
    if not isinstance(record, dict):
        raise BadInput("not a JSON object", "malformed")
    if fields:
        record = {**record, **{ours: record[theirs] for ours, theirs in fields.items() if theirs in record}}
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        wanted = (fields or {}).get("text", "text")
        raise BadInput(f"no '{wanted}' field (or it is empty)", "malformed")

    def opt(key: str) -> str | None:
        value = record.get(key)
        return None if value is None or value == "" else str(value)

    doc_id = opt("id") or fallback_id or "doc-" + content_hash(text)[:12]
    published_raw = opt("published") or opt("date")
    published = parse_date(published_raw)
    published_from = "metadata" if published else None
    title = opt("title")
    byline = opt("byline") or opt("author")
    body = text.strip()
    if published is None or title is None:
        # Fall back on the text's own header: "31 May 2007" under the headline.
        parsed = parse_plain_text(text)
        if parsed.body:
            body = parsed.body
        if published is None and parsed.published:
            published, published_from = parsed.published, parsed.published_from
        title = title or parsed.title
        byline = byline or parsed.byline
    return Document(
        id=doc_id,
        text=body,
        title=title,
        published=published,
        published_from=published_from,
        outlet=opt("outlet") or opt("source"),
        byline=byline,
        url=opt("url"),
        source=source,
    )


def _jsonl_lines(stream: IO[bytes], name: str, opts: ReadOptions) -> Iterator[Item]:
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            if len(raw) > MAX_LINE_BYTES:
                raise BadInput("line longer than the limit; not read", "oversized")
            line = decode(raw, opts.encoding)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadInput(f"malformed JSON ({exc.msg} at column {exc.colno})", "malformed") from None
            yield document_from_record(record, where, fields=opts.fields)
        except BadInput as exc:
            yield InputError(name, str(exc), line=lineno, kind=exc.kind)


def read_jsonl_file(path: Path, source: str, opts: ReadOptions) -> Iterator[Item]:
    with _open_bytes(path) as fh:
        head = fh.read(8192)
        if not head.strip():
            raise BadInput("empty file", "empty")
        if _looks_binary(head):
            raise BadInput("binary data, not JSON lines", "binary")
    with _open_bytes(path) as fh:
        yield from _jsonl_lines(fh, source, opts)


def read_csv_file(path: Path, source: str, opts: ReadOptions) -> Iterator[Item]:
    with _open_bytes(path) as fh:
        data = decode(_read_limited(fh, 1024 * MAX_DOCUMENT_BYTES), opts.encoding)
    if not data.strip():
        raise BadInput("empty file", "empty")
    csv.field_size_limit(MAX_LINE_BYTES)
    reader = csv.DictReader(io.StringIO(data, newline=""))
    text_column = opts.fields.get("text", "text")
    if not reader.fieldnames or text_column not in [f.strip() for f in reader.fieldnames]:
        raise BadInput(f"no '{text_column}' column in the CSV header", "malformed")
    try:
        for row in reader:
            lineno = reader.line_num
            try:
                if None in row:
                    raise BadInput("more fields than the header names", "malformed")
                record = {(k or "").strip(): v for k, v in row.items()}
                yield document_from_record(record, f"{source}:{lineno}", fields=opts.fields)
            except BadInput as exc:
                yield InputError(source, str(exc), line=lineno, kind=exc.kind)
    except csv.Error as exc:
        yield InputError(source, f"malformed CSV ({exc})", line=reader.line_num, kind="malformed")


Reader = Callable[[Path, str, ReadOptions], Iterator[Item]]
READERS: dict[str, Reader] = {
    "text": read_text_file,
    "html": read_html_file,
    "jsonl": read_jsonl_file,
    "csv": read_csv_file,
}
EXTENSIONS = {
    "txt": "text", "text": "text", "md": "text", "": "text",
    "html": "html", "htm": "html", "xhtml": "html",
    "jsonl": "jsonl", "ndjson": "jsonl", "json": "jsonl",
    "csv": "csv",
}


def _walk(path: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(path: Path, encoding: str | None = None, fields: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Every document in one file, or an ``InputError`` naming it."""
    opts = ReadOptions(encoding, dict(fields or {}))
    source = str(path)
    fmt = _format(path)
    if fmt is None:
        yield InputError(source, f"unsupported file type '{path.suffix}' (use .txt, .html, .jsonl, .csv or .gz)",
                         kind="unsupported")
        return
    try:
        if path.stat().st_size == 0:
            raise BadInput("empty file", "empty")
        yield from READERS[fmt](path, source, opts)
    except BadInput as exc:
        yield InputError(source, str(exc), kind=exc.kind)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(source, f"cannot read ({exc.__class__.__name__}: {exc})", kind="unreadable")


def read_stdin(stream: IO[bytes] | None = None, encoding: str | None = None,
               fields: Mapping[str, str] | None = None) -> Iterator[Item]:
    """JSONL documents on standard input (``-``)."""
    yield from _jsonl_lines(stream or sys.stdin.buffer, "-", ReadOptions(encoding, dict(fields or {})))


def read_inputs(inputs: Iterable[str | os.PathLike[str]], encoding: str | None = None,
                stdin: IO[bytes] | None = None, fields: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Documents from files, directories (recursively) and ``-`` (JSONL on stdin), in order."""
    for item in inputs:
        if str(item) == "-":
            yield from read_stdin(stdin, encoding, fields)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                yield from read_path(file, encoding, fields)
        elif path.exists():
            yield from read_path(path, encoding, fields)
        else:
            yield InputError(str(path), "no such file or directory", kind="missing")
