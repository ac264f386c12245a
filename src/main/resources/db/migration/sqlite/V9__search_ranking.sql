-- Search ranking: the vocabulary that typo tolerance corrects a query's unknown words against.
-- search_words holds every word (3-32 letters and digits, lower-case) of the skills' names, titles, tags and
-- descriptions; the indexing transaction adds a skill's words, and words are never removed (a word no skill has any
-- more corrects a query to a search that finds nothing, which is then left alone).
CREATE TABLE search_words (
    word TEXT NOT NULL PRIMARY KEY CHECK (length(word) BETWEEN 3 AND 32)
) WITHOUT ROWID;

-- the existing skills' words, split by an FTS5 tokenizer (letters and digits, lower-cased, diacritics kept) and
-- read back from its vocabulary
CREATE VIRTUAL TABLE search_words_backfill USING fts5(text, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO search_words_backfill (text)
SELECT s.name || ' ' || s.title || ' ' || s.description || ' '
       || coalesce((SELECT group_concat(t.name, ' ') FROM skill_tags st JOIN tags t ON t.id = st.tag_id
                    WHERE st.skill_id = s.id), '')
FROM skills s;
CREATE VIRTUAL TABLE search_words_backfill_vocab USING fts5vocab(search_words_backfill, 'row');
INSERT INTO search_words (word)
SELECT term FROM search_words_backfill_vocab WHERE length(term) BETWEEN 3 AND 32 ON CONFLICT DO NOTHING;
DROP TABLE search_words_backfill_vocab;
DROP TABLE search_words_backfill;
