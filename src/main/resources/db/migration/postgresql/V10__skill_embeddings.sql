-- Sentence vectors of skills for match (issue 5 section 2): one per skill and embedding model, of the text the model
-- read (name, title and the start of the description), whose SHA-256 is digest. A publish or an edit that changes
-- that text deletes the row in its transaction; the vector is computed again off the publish path (by the next
-- match, or by serve in the background). vector: the unit-length float32 values, little-endian. embedded_at: epoch
-- milliseconds, so a process reads only the vectors new to it.
CREATE TABLE skill_embeddings (
    skill_id    uuid   NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    model       text   NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
    digest      text   NOT NULL CHECK (length(digest) = 71),
    vector      bytea  NOT NULL,
    embedded_at bigint NOT NULL,
    PRIMARY KEY (skill_id, model)
);
CREATE INDEX skill_embeddings_model ON skill_embeddings (model, embedded_at);
