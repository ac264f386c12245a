-- Runs of executable skills (skillbase run, POST .../execute), one row per run, written once when the run ends.
-- skills.executions counts the runs that started a process (succeeded, failed, timed_out, invalid_output) and
-- skills.executions_succeeded the succeeded ones; both move in the transaction that inserts the row.

CREATE TABLE executions (
    id            uuid        PRIMARY KEY,
    skill_id      uuid        NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    version       text        NOT NULL CHECK (length(version) BETWEEN 5 AND 128),
    -- the signed-in runner on a server; NULL for a run from the command line over the database
    user_id       bigint      REFERENCES users (id) ON DELETE SET NULL,
    runner        text        NOT NULL CHECK (length(runner) BETWEEN 1 AND 128),
    status        text        NOT NULL CHECK (status IN ('succeeded', 'failed', 'timed_out', 'invalid_input',
                                                         'invalid_output', 'refused')),
    sandboxed     boolean     NOT NULL,
    exit_code     integer,
    message       text        NOT NULL DEFAULT '',
    -- inputs and outputs as sent and printed, cut at a cap; *_bytes is the full size
    inputs        text        NOT NULL,
    inputs_bytes  bigint      NOT NULL CHECK (inputs_bytes >= 0),
    outputs       text,
    outputs_bytes bigint      CHECK (outputs_bytes >= 0),
    stderr_tail   text        NOT NULL DEFAULT '',
    duration_ms   bigint      NOT NULL CHECK (duration_ms >= 0),
    started_at    timestamptz NOT NULL,
    ended_at      timestamptz NOT NULL
);
CREATE INDEX executions_skill ON executions (skill_id, started_at);

ALTER TABLE skills ADD COLUMN executions_succeeded bigint NOT NULL DEFAULT 0 CHECK (executions_succeeded >= 0);
