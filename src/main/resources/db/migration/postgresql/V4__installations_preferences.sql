-- Installations users record (POST .../install) and their preferences. skills.installs is kept equal to the number
-- of distinct users with at least one installation of the skill, by the transaction that changes installations.

CREATE TABLE installations (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill_id     uuid        NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    agent        text        NOT NULL CHECK (length(agent) BETWEEN 1 AND 64),
    scope        text        NOT NULL CHECK (scope IN ('project', 'global')),
    version      text        NOT NULL CHECK (length(version) BETWEEN 5 AND 128),
    auto_update  boolean     NOT NULL DEFAULT false,
    installed_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    -- when the installation was last reported (recorded again, updated)
    last_used_at timestamptz NOT NULL,
    -- recorded again with the same version / with another version
    reinstalls   bigint      NOT NULL DEFAULT 0 CHECK (reinstalls >= 0),
    updates      bigint      NOT NULL DEFAULT 0 CHECK (updates >= 0),
    UNIQUE (user_id, skill_id, agent, scope)
);
CREATE INDEX installations_skill ON installations (skill_id, user_id);

CREATE TABLE preferences (
    user_id    bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- agent ids in order of preference, comma-separated
    agents     text        NOT NULL DEFAULT '',
    scope      text        NOT NULL DEFAULT 'project' CHECK (scope IN ('project', 'global')),
    updated_at timestamptz NOT NULL
);

-- skills a user turned on or off explicitly; a skill without a row is as installed
CREATE TABLE skill_preferences (
    user_id  bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill_id uuid    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    enabled  boolean NOT NULL,
    PRIMARY KEY (user_id, skill_id)
);
