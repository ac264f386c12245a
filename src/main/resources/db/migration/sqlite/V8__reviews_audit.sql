-- Reviews (one per user per skill; skills.rating and skills.rating_count are recomputed by every write to them, in
-- its transaction) and the audit log: append-only, every change of state recorded in the transaction that makes it.

CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY,
    skill_id   TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       TEXT    NOT NULL DEFAULT '' CHECK (length(body) <= 10000),
    version    TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (skill_id, user_id)
);
CREATE INDEX reviews_skill ON reviews (skill_id, updated_at);
CREATE INDEX reviews_user ON reviews (user_id);
-- lists sorted by rating walk this: the expression is exactly Rating.smoothedSql() (the smoothed mean, as if every
-- skill had 5 more reviews of 3), so that the planner matches it
CREATE INDEX skills_rating ON skills (((15.0 + COALESCE(rating, 0) * rating_count) / (5 + rating_count)) DESC,
                                      rating_count DESC, name);

-- who (a user's login, 'anonymous', or 'local:<os user>' for commands on the database itself), what, on what
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    action      TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    target_type TEXT    NOT NULL CHECK (length(target_type) BETWEEN 1 AND 32),
    target      TEXT    NOT NULL CHECK (length(target) BETWEEN 1 AND 300),
    namespace   TEXT,
    details     TEXT    NOT NULL CHECK (json_valid(details) AND json_type(details) = 'object')
);
CREATE INDEX audit_log_namespace ON audit_log (namespace, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_target ON audit_log (target, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be deleted');
END;
