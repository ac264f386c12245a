-- Accounts: admins, namespace kinds, owners and visibility; API tokens; version tags other than latest.

ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1));

ALTER TABLE namespaces ADD COLUMN kind TEXT NOT NULL DEFAULT 'org' CHECK (kind IN ('user', 'org'));
ALTER TABLE namespaces ADD COLUMN owner_id INTEGER REFERENCES users (id);
ALTER TABLE namespaces ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public'
    CHECK (visibility IN ('public', 'private'));

-- only the SHA-256 of a token is kept; prefix is its first characters, to recognise it in a list
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    scopes       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- named pointers at versions; 'latest' is skills.latest_version, never stored here
CREATE TABLE version_tags (
    skill_id   TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL CHECK (length(tag) BETWEEN 1 AND 64 AND tag <> 'latest'),
    version    TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (skill_id, tag)
);
