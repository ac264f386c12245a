-- Package-to-skill mappings for suggestions. A package is an ecosystem plus a name (npm:react,
-- maven:org.springframework.boot:spring-boot-starter-web, or a whole Maven group as maven:GROUP:*); one mapping per
-- (package, skill), with a confidence and its source: 'inferred' rows are rewritten from the skill at each publish,
-- 'manual' rows are set by people and never touched by inference (they override an inferred row of the same pair).

CREATE TABLE package_mappings (
    ecosystem  TEXT    NOT NULL CHECK (ecosystem IN ('npm', 'maven', 'pypi', 'go', 'cargo', 'gem', 'composer')),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 256),
    skill_id   TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    confidence REAL    NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    source     TEXT    NOT NULL CHECK (source IN ('manual', 'inferred')),
    reason     TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    PRIMARY KEY (name, ecosystem, skill_id)
);
CREATE INDEX package_mappings_skill ON package_mappings (skill_id);
