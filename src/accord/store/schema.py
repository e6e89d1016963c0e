"""The store's schema as a list of forward migrations. Version N is reached by applying 1..N in order.

Never edit a released migration: add a new one. ``meta.schema_version`` records where a file is.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "documents, sentences, events, event mentions, actors, runs, input errors",
        """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started TIMESTAMP,
            finished TIMESTAMP,
            command VARCHAR,
            accord_version VARCHAR,
            n_documents INTEGER DEFAULT 0,
            n_duplicates INTEGER DEFAULT 0,
            n_sentences INTEGER DEFAULT 0,
            n_events INTEGER DEFAULT 0,
            n_errors INTEGER DEFAULT 0
        );
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            title VARCHAR,
            outlet VARCHAR,
            byline VARCHAR,
            url VARCHAR,
            published VARCHAR,
            published_from VARCHAR,
            text VARCHAR NOT NULL,
            n_sentences INTEGER,
            run_id VARCHAR,
            coded_at TIMESTAMP
        );
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE TABLE document_sources (
            doc_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            given_id VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            run_id VARCHAR,
            PRIMARY KEY (doc_id, source)
        );
        CREATE TABLE sentences (
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            text VARCHAR,
            PRIMARY KEY (doc_id, sentence_index)
        );
        CREATE TABLE actor_mentions (
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            start_char INTEGER NOT NULL,
            end_char INTEGER,
            text VARCHAR,
            code VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            name VARCHAR,
            resolution VARCHAR,
            confidence DOUBLE,
            PRIMARY KEY (doc_id, start_char)
        );
        CREATE TABLE event_mentions (
            event_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            sentence VARCHAR,
            source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
            target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
            cameo_code VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            plover_type VARCHAR, plover_mode VARCHAR,
            factuality VARCHAR,
            claimed_by_code VARCHAR,
            date VARCHAR, date_precision VARCHAR, date_text VARCHAR,
            canonical_id VARCHAR,
            record JSON NOT NULL
        );
        CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
        CREATE TABLE events (
            canonical_id VARCHAR PRIMARY KEY,
            cameo_code VARCHAR,
            plover_type VARCHAR,
            source_code VARCHAR,
            target_code VARCHAR,
            date VARCHAR,
            n_mentions INTEGER,
            n_documents INTEGER
        );
        CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            code VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            origin VARCHAR,
            evidence_doc VARCHAR,
            evidence_text VARCHAR,
            confidence DOUBLE,
            updated TIMESTAMP
        );
        CREATE TABLE input_errors (
            run_id VARCHAR,
            input VARCHAR,
            line INTEGER,
            kind VARCHAR,
            message VARCHAR,
            recorded_at TIMESTAMP
        );
        """,
    ),
    (
        2,
        "actor aliases for the corpus registry; event dyad index for time series",
        """
        CREATE TABLE actor_aliases (
            alias VARCHAR PRIMARY KEY,
            actor_id VARCHAR NOT NULL
        );
        CREATE INDEX event_mentions_dyad ON event_mentions(source_country, target_country);
        """,
    ),
    (
        3,
        "user knowledge layered over the shipped data: imported dictionaries (actors, agents, verbs, discards) and "
        "lexicon additions; registry columns for date-bounded roles and user corrections; attribution",
        """
        CREATE TABLE dictionaries (
            dictionary_id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,
            name VARCHAR,
            replaces_builtin BOOLEAN DEFAULT FALSE,
            n_entries INTEGER,
            imported_at TIMESTAMP
        );
        CREATE TABLE dictionary_entries (
            dictionary_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            kind VARCHAR NOT NULL,
            entry JSON NOT NULL,
            PRIMARY KEY (dictionary_id, seq)
        );
        ALTER TABLE actors ADD COLUMN kind VARCHAR;
        ALTER TABLE actors ADD COLUMN valid_from VARCHAR;
        ALTER TABLE actors ADD COLUMN valid_until VARCHAR;
        ALTER TABLE actors ADD COLUMN n_documents INTEGER DEFAULT 0;
        ALTER TABLE actor_aliases ADD COLUMN origin VARCHAR;
        ALTER TABLE event_mentions ADD COLUMN according_to_code VARCHAR;
        """,
    ),
    (
        4,
        "actor registry: dated roles (user corrections with --from/--until) and the documents that gave evidence",
        """
        CREATE TABLE actor_roles (
            actor_id VARCHAR NOT NULL,
            code VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            valid_from VARCHAR,
            valid_until VARCHAR,
            origin VARCHAR,
            updated TIMESTAMP
        );
        CREATE INDEX actor_roles_actor ON actor_roles(actor_id);
        CREATE TABLE actor_documents (
            actor_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            text VARCHAR,
            resolution VARCHAR,
            confidence DOUBLE,
            published VARCHAR,
            PRIMARY KEY (actor_id, doc_id)
        );
        """,
    ),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
