CREATE TABLE users (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login        text        NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
    display_name text,
    created_at   timestamptz NOT NULL
);

CREATE TABLE namespaces (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    created_at timestamptz NOT NULL
);

CREATE TABLE memberships (
    namespace_id bigint NOT NULL REFERENCES namespaces (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         text   NOT NULL CHECK (role IN ('owner', 'maintainer', 'member')),
    PRIMARY KEY (namespace_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE skills (
    id             uuid        PRIMARY KEY,
    namespace_id   bigint      NOT NULL REFERENCES namespaces (id),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    title          text        NOT NULL,
    description    text        NOT NULL,
    -- byte order, so that a category prefix is an index range ('development/' <= path < 'development0')
    taxonomy_path  text COLLATE "C" NOT NULL DEFAULT '',
    status         text        NOT NULL DEFAULT 'active'
                               CHECK (status IN ('draft', 'active', 'deprecated', 'archived')),
    visibility     text        NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'unlisted', 'private')),
    owner_id       bigint      REFERENCES users (id),
    repo           text,
    source_url     text,
    homepage       text,
    license        text,
    latest_version text,
    installs       bigint      NOT NULL DEFAULT 0 CHECK (installs >= 0),
    executions     bigint      NOT NULL DEFAULT 0 CHECK (executions >= 0),
    rating         real        CHECK (rating BETWEEN 0 AND 5),
    rating_count   bigint      NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    -- kept in step by the publishing transaction: A name and title, B tags, C description, D body
    search_vector  tsvector    NOT NULL DEFAULT ''::tsvector,
    UNIQUE (namespace_id, name)
);
CREATE INDEX skills_name ON skills (name, namespace_id);
CREATE INDEX skills_status ON skills (status);
CREATE INDEX skills_taxonomy ON skills (taxonomy_path);
CREATE INDEX skills_updated ON skills (updated_at);
CREATE INDEX skills_created ON skills (created_at);
CREATE INDEX skills_owner ON skills (owner_id);
CREATE INDEX skills_search ON skills USING gin (search_vector);

CREATE TABLE blobs (
    digest  text   PRIMARY KEY CHECK (digest LIKE 'sha256:%' AND length(digest) = 71),
    size    bigint NOT NULL CHECK (size >= 0),
    content bytea  NOT NULL
);

CREATE TABLE skill_versions (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    skill_id       uuid        NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    version        text        NOT NULL CHECK (length(version) BETWEEN 5 AND 128),
    major          integer     NOT NULL CHECK (major >= 0),
    minor          integer     NOT NULL CHECK (minor >= 0),
    patch          integer     NOT NULL CHECK (patch >= 0),
    prerelease     text,
    frontmatter    jsonb       NOT NULL CHECK (jsonb_typeof(frontmatter) = 'object'),
    body           text        NOT NULL,
    content_digest text        NOT NULL CHECK (content_digest LIKE 'sha256:%'),
    archive_digest text        NOT NULL REFERENCES blobs (digest),
    size           bigint      NOT NULL CHECK (size >= 0),
    file_count     integer     NOT NULL CHECK (file_count >= 1),
    changelog      text,
    published_by   text,
    published_at   timestamptz NOT NULL,
    yanked         boolean     NOT NULL DEFAULT false,
    UNIQUE (skill_id, version)
);
CREATE INDEX skill_versions_order ON skill_versions (skill_id, major, minor, patch);
CREATE INDEX skill_versions_archive ON skill_versions (archive_digest);

CREATE TABLE version_files (
    version_id  bigint  NOT NULL REFERENCES skill_versions (id) ON DELETE CASCADE,
    path        text    NOT NULL CHECK (length(path) BETWEEN 1 AND 1024),
    blob_digest text    NOT NULL REFERENCES blobs (digest),
    executable  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (version_id, path)
);
CREATE INDEX version_files_blob ON version_files (blob_digest);

CREATE TABLE tags (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text   NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    category text
);

CREATE TABLE skill_tags (
    skill_id uuid    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    tag_id   bigint  NOT NULL REFERENCES tags (id),
    position integer NOT NULL CHECK (position >= 0),
    PRIMARY KEY (skill_id, tag_id)
);
CREATE INDEX skill_tags_tag ON skill_tags (tag_id, skill_id);
