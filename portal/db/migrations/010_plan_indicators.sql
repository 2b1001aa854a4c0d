-- Plan follow-up: measurable indicators per activity, with dated values.
-- No FOREIGN KEYs: DuckDB refuses updates of referenced rows.

CREATE SEQUENCE indicators_id START 1;
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY DEFAULT nextval('indicators_id'),
    activity_id INTEGER NOT NULL,
    name VARCHAR NOT NULL,                   -- e.g. Antal utbildade medarbetare
    unit VARCHAR NOT NULL DEFAULT '',        -- e.g. personer, st, %
    target DOUBLE,                           -- NULL when there is no numeric target
    position INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    created_by VARCHAR NOT NULL DEFAULT ''
);

CREATE SEQUENCE indicator_values_id START 1;
CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY DEFAULT nextval('indicator_values_id'),
    indicator_id INTEGER NOT NULL,
    measured_on DATE NOT NULL,
    value DOUBLE NOT NULL,
    note VARCHAR NOT NULL DEFAULT '',
    made_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    actor VARCHAR NOT NULL
);
