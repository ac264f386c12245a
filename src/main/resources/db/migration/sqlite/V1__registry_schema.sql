-- Instants are epoch milliseconds (INTEGER); UUIDs are text; booleans 0/1.

CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    login        TEXT    NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
    display_name TEXT,
    created_at   INTEGER NOT NULL
);

CREATE TABLE namespaces (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
    namespace_id INTEGER NOT NULL REFERENCES namespaces (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         TEXT    NOT NULL CHECK (role IN ('owner', 'maintainer', 'member')),
    PRIMARY KEY (namespace_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- seq is the rowid shared with the full-text table skill_search
CREATE TABLE skills (
    seq            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE CHECK (length(id) = 36),
    namespace_id   INTEGER NOT NULL REFERENCES namespaces (id),
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    title          TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    taxonomy_path  TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL DEFAULT 'active'
                           CHECK (status IN ('draft', 'active', 'deprecated', 'archived')),
    visibility     TEXT    NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'unlisted', 'private')),
    owner_id       INTEGER REFERENCES users (id),
    repo           TEXT,
    source_url     TEXT,
    homepage       TEXT,
    license        TEXT,
    latest_version TEXT,
    installs       INTEGER NOT NULL DEFAULT 0 CHECK (installs >= 0),
    executions     INTEGER NOT NULL DEFAULT 0 CHECK (executions >= 0),
    rating         REAL    CHECK (rating BETWEEN 0 AND 5),
    rating_count   INTEGER NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (namespace_id, name)
);
CREATE INDEX skills_name ON skills (name, namespace_id);
CREATE INDEX skills_status ON skills (status);
CREATE INDEX skills_taxonomy ON skills (taxonomy_path);
CREATE INDEX skills_updated ON skills (updated_at);
CREATE INDEX skills_created ON skills (created_at);
CREATE INDEX skills_owner ON skills (owner_id);

CREATE TABLE blobs (
    digest  TEXT    PRIMARY KEY CHECK (digest LIKE 'sha256:%' AND length(digest) = 71),
    size    INTEGER NOT NULL CHECK (size >= 0),
    content BLOB    NOT NULL
);

CREATE TABLE skill_versions (
    id             INTEGER PRIMARY KEY,
    skill_id       TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    version        TEXT    NOT NULL CHECK (length(version) BETWEEN 5 AND 128),
    major          INTEGER NOT NULL CHECK (major >= 0),
    minor          INTEGER NOT NULL CHECK (minor >= 0),
    patch          INTEGER NOT NULL CHECK (patch >= 0),
    prerelease     TEXT,
    frontmatter    TEXT    NOT NULL CHECK (json_valid(frontmatter) AND json_type(frontmatter) = 'object'),
    body           TEXT    NOT NULL,
    content_digest TEXT    NOT NULL CHECK (content_digest LIKE 'sha256:%'),
    archive_digest TEXT    NOT NULL REFERENCES blobs (digest),
    size           INTEGER NOT NULL CHECK (size >= 0),
    file_count     INTEGER NOT NULL CHECK (file_count >= 1),
    changelog      TEXT,
    published_by   TEXT,
    published_at   INTEGER NOT NULL,
    yanked         INTEGER NOT NULL DEFAULT 0 CHECK (yanked IN (0, 1)),
    UNIQUE (skill_id, version)
);
CREATE INDEX skill_versions_order ON skill_versions (skill_id, major, minor, patch);
CREATE INDEX skill_versions_archive ON skill_versions (archive_digest);

CREATE TABLE version_files (
    version_id  INTEGER NOT NULL REFERENCES skill_versions (id) ON DELETE CASCADE,
    path        TEXT    NOT NULL CHECK (length(path) BETWEEN 1 AND 1024),
    blob_digest TEXT    NOT NULL REFERENCES blobs (digest),
    executable  INTEGER NOT NULL DEFAULT 0 CHECK (executable IN (0, 1)),
    PRIMARY KEY (version_id, path)
);
CREATE INDEX version_files_blob ON version_files (blob_digest);

CREATE TABLE tags (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    category TEXT
);

CREATE TABLE skill_tags (
    skill_id TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (skill_id, tag_id)
);
CREATE INDEX skill_tags_tag ON skill_tags (tag_id, skill_id);

-- rowid = skills.seq; kept in step by the publishing transaction
CREATE VIRTUAL TABLE skill_search USING fts5(
    name, title, tags, description, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
