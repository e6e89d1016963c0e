"""Ingestion: files, directories and stdin into ``Document`` records (see ``readers``)."""

from .readers import EXTENSIONS, MAX_DOCUMENT_BYTES, decode, document_from_record, read_inputs, read_path, read_stdin

__all__ = ["EXTENSIONS", "MAX_DOCUMENT_BYTES", "decode", "document_from_record", "read_inputs", "read_path",
           "read_stdin"]
