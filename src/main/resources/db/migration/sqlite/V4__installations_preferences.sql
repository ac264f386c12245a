-- Installations users record (POST .../install) and their preferences. skills.installs is kept equal to the number
-- of distinct users with at least one installation of the skill, by the transaction that changes installations.

CREATE TABLE installations (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill_id     TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    agent        TEXT    NOT NULL CHECK (length(agent) BETWEEN 1 AND 64),
    scope        TEXT    NOT NULL CHECK (scope IN ('project', 'global')),
    version      TEXT    NOT NULL CHECK (length(version) BETWEEN 5 AND 128),
    auto_update  INTEGER NOT NULL DEFAULT 0 CHECK (auto_update IN (0, 1)),
    installed_at INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    -- when the installation was last reported (recorded again, updated)
    last_used_at INTEGER NOT NULL,
    -- recorded again with the same version / with another version
    reinstalls   INTEGER NOT NULL DEFAULT 0 CHECK (reinstalls >= 0),
    updates      INTEGER NOT NULL DEFAULT 0 CHECK (updates >= 0),
    UNIQUE (user_id, skill_id, agent, scope)
);
CREATE INDEX installations_skill ON installations (skill_id, user_id);

CREATE TABLE preferences (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- agent ids in order of preference, comma-separated
    agents     TEXT    NOT NULL DEFAULT '',
    scope      TEXT    NOT NULL DEFAULT 'project' CHECK (scope IN ('project', 'global')),
    updated_at INTEGER NOT NULL
);

-- skills a user turned on or off explicitly; a skill without a row is as installed
CREATE TABLE skill_preferences (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill_id TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    enabled  INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    PRIMARY KEY (user_id, skill_id)
);
