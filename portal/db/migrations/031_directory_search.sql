-- The directory's search words: one row per word of an entry's name, organisation,
-- description, category and target-group labels, language labels and area, kept as
-- written (lowered), folded (no case, no accents) and as its Swedish stem. Rebuilt for
-- an entry in the same transaction as every write of it; rebuilt whole when the way
-- words are made changes (meta key dir_search_version).

CREATE TABLE dir_search (
    entry_id VARCHAR NOT NULL,   -- dir_entries.id
    field VARCHAR NOT NULL,      -- name, organization, description, tag, language, area
    word VARCHAR NOT NULL,       -- lowered as written
    folded VARCHAR NOT NULL,     -- lowered, accents removed (å, ä -> a; ö -> o)
    stem VARCHAR NOT NULL        -- folded Swedish Snowball stem
);
