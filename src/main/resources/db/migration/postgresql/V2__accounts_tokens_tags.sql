-- Accounts: admins, namespace kinds, owners and visibility; API tokens; version tags other than latest.

ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false;

ALTER TABLE namespaces ADD COLUMN kind text NOT NULL DEFAULT 'org' CHECK (kind IN ('user', 'org'));
ALTER TABLE namespaces ADD COLUMN owner_id bigint REFERENCES users (id);
ALTER TABLE namespaces ADD COLUMN visibility text NOT NULL DEFAULT 'public'
    CHECK (visibility IN ('public', 'private'));

-- only the SHA-256 of a token is kept; prefix is its first characters, to recognise it in a list
CREATE TABLE api_tokens (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    scopes       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- named pointers at versions; 'latest' is skills.latest_version, never stored here
CREATE TABLE version_tags (
    skill_id   uuid        NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    tag        text        NOT NULL CHECK (length(tag) BETWEEN 1 AND 64 AND tag <> 'latest'),
    version    text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (skill_id, tag)
);
