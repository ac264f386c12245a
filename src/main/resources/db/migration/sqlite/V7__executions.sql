-- Runs of executable skills (skillbase run, POST .../execute), one row per run, written once when the run ends.
-- skills.executions counts the runs that started a process (succeeded, failed, timed_out, invalid_output) and
-- skills.executions_succeeded the succeeded ones; both move in the transaction that inserts the row.

CREATE TABLE executions (
    id            TEXT    PRIMARY KEY CHECK (length(id) = 36),
    skill_id      TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    version       TEXT    NOT NULL CHECK (length(version) BETWEEN 5 AND 128),
    -- the signed-in runner on a server; NULL for a run from the command line over the database
    user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    runner        TEXT    NOT NULL CHECK (length(runner) BETWEEN 1 AND 128),
    status        TEXT    NOT NULL CHECK (status IN ('succeeded', 'failed', 'timed_out', 'invalid_input',
                                                     'invalid_output', 'refused')),
    sandboxed     INTEGER NOT NULL CHECK (sandboxed IN (0, 1)),
    exit_code     INTEGER,
    message       TEXT    NOT NULL DEFAULT '',
    -- inputs and outputs as sent and printed, cut at a cap; *_bytes is the full size
    inputs        TEXT    NOT NULL,
    inputs_bytes  INTEGER NOT NULL CHECK (inputs_bytes >= 0),
    outputs       TEXT,
    outputs_bytes INTEGER CHECK (outputs_bytes >= 0),
    stderr_tail   TEXT    NOT NULL DEFAULT '',
    duration_ms   INTEGER NOT NULL CHECK (duration_ms >= 0),
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER NOT NULL
);
CREATE INDEX executions_skill ON executions (skill_id, started_at);

ALTER TABLE skills ADD COLUMN executions_succeeded INTEGER NOT NULL DEFAULT 0 CHECK (executions_succeeded >= 0);
