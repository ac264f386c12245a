-- Search ranks by rank_vector: search_vector without the body (A name and title, B tags, C description). Ranking
-- reads the vector of every match, and with the body a vector is large and stored out of line.
ALTER TABLE skills ADD COLUMN rank_vector tsvector NOT NULL DEFAULT ''::tsvector;

UPDATE skills s SET rank_vector =
    setweight(to_tsvector('english', s.name), 'A')
    || setweight(to_tsvector('english', s.title), 'A')
    || setweight(to_tsvector('english', coalesce((SELECT string_agg(t.name, ' ' ORDER BY st.position)
                                                  FROM skill_tags st JOIN tags t ON t.id = st.tag_id
                                                  WHERE st.skill_id = s.id), '')), 'B')
    || setweight(to_tsvector('english', s.description), 'C');

-- fresh statistics for the planner after rewriting every row
ANALYZE skills;
