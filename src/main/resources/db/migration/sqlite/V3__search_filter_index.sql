-- Search counts and filters its matches by seq (the full-text rowid): this index holds seq and the columns the
-- filters read, so that counting thousands of matches reads a small index, not the skills' whole rows (3-4x faster).
CREATE INDEX skills_search_filter ON skills (seq, visibility, namespace_id, status, taxonomy_path);
