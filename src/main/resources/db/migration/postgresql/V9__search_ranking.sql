-- Search ranking.
-- 1. search_words: the vocabulary that typo tolerance corrects a query's unknown words against: every word (3-32
--    letters and digits, lower-case) of the skills' names, titles, tags and descriptions. The indexing transaction
--    adds a skill's words; words are never removed (a word no skill has any more corrects a query to a search that
--    finds nothing, which is then left alone).
CREATE TABLE search_words (
    word text NOT NULL PRIMARY KEY CHECK (length(word) BETWEEN 3 AND 32)
);

INSERT INTO search_words (word)
SELECT DISTINCT w
FROM skills s,
     regexp_split_to_table(lower(s.name || ' ' || s.title || ' ' || s.description || ' '
         || coalesce((SELECT string_agg(t.name, ' ') FROM skill_tags st JOIN tags t ON t.id = st.tag_id
                      WHERE st.skill_id = s.id), '')), '[^[:alnum:]]+') AS w
WHERE length(w) BETWEEN 3 AND 32
ON CONFLICT DO NOTHING;

-- 2. Name-prefix matches rank right after the exact name: they are looked up as a byte-order range of names.
CREATE INDEX skills_name_bytes ON skills ((name COLLATE "C"));
