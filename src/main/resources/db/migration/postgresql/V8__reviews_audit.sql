-- Reviews (one per user per skill; skills.rating and skills.rating_count are recomputed by every write to them, in
-- its transaction) and the audit log: append-only, every change of state recorded in the transaction that makes it.

CREATE TABLE reviews (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    skill_id   uuid        NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rating     integer     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       text        NOT NULL DEFAULT '' CHECK (length(body) <= 10000),
    version    text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (skill_id, user_id)
);
CREATE INDEX reviews_skill ON reviews (skill_id, updated_at);
CREATE INDEX reviews_user ON reviews (user_id);
-- lists sorted by rating walk this: the expression is exactly Rating.smoothedSql() (the smoothed mean, as if every
-- skill had 5 more reviews of 3), so that the planner matches it
CREATE INDEX skills_rating ON skills (((15.0 + COALESCE(rating, 0) * rating_count) / (5 + rating_count)) DESC,
                                      rating_count DESC, name);

-- who (a user's login, 'anonymous', or 'local:<os user>' for commands on the database itself), what, on what;
-- details is JSON kept as text, so that one INSERT serves both dialects
CREATE TABLE audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    action      text        NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    target_type text        NOT NULL CHECK (length(target_type) BETWEEN 1 AND 32),
    target      text        NOT NULL CHECK (length(target) BETWEEN 1 AND 300),
    namespace   text,
    details     text        NOT NULL CHECK (jsonb_typeof(details::jsonb) = 'object')
);
CREATE INDEX audit_log_namespace ON audit_log (namespace, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_target ON audit_log (target, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: an entry cannot be changed or deleted';
END
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
