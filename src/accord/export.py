"""Writers for exported records: JSON lines, CSV (nested fields flattened) and Parquet."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet")


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"source": {"code": "USA"}}`` → ``{"source.code": "USA"}``; lists become JSON text."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = None
    n = 0
    for record in records:
        flat = flatten(record)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten(r) for r in records]
    columns: dict[str, list[Any]] = {}
    for row in rows:
        for key in row:
            columns.setdefault(key, [])
    for key in columns:
        columns[key] = [row.get(key) for row in rows]
    pq.write_table(pa.table(columns) if rows else pa.table({}), str(path))
    return len(rows)


def write(records: Iterable[dict[str, Any]], fmt: str, output: str | Path | None = None) -> int:
    """Write records in ``fmt`` to ``output`` (a path; stdout for text formats when None)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None or str(output) == "-":
            raise ValueError("parquet needs an output file: -o FILE.parquet")
        return write_parquet(records, output)
    writer: Callable[[Iterable[dict[str, Any]], IO[str]], int] = write_jsonl if fmt == "jsonl" else write_csv
    if output is None or str(output) == "-":
        return writer(records, sys.stdout)
    with open(output, "w", encoding="utf-8", newline="") as fh:
        return writer(records, fh)
