-- Final snapshots of the annual follow-up report: a frozen copy of what was submitted.
-- A new final version of a year is a new row (version + 1); rows are never updated.

CREATE SEQUENCE report_snapshots_id START 1;
CREATE TABLE report_snapshots (
    id INTEGER PRIMARY KEY DEFAULT nextval('report_snapshots_id'),
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,                -- 1, 2, ... per year
    created_by VARCHAR NOT NULL,
    created_on TIMESTAMP NOT NULL DEFAULT current_timestamp,
    note VARCHAR NOT NULL DEFAULT '',
    data_json VARCHAR NOT NULL,              -- the report's content as it was frozen
    docx BLOB NOT NULL,
    pdf BLOB NOT NULL,
    xlsx BLOB NOT NULL,
    UNIQUE (year, version)
);
