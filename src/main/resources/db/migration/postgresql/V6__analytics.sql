-- Analytics. analytics_events keeps every event as it happened; analytics_daily rolls them up per skill, UTC day and
-- event. Both are written by the server's background event writer, one transaction per batch, so the roll-up always
-- equals the raw rows it counts. Nothing about the caller is stored: no IP address, no user.

CREATE TABLE analytics_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    skill_id    uuid        NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    event       text        NOT NULL
                            CHECK (event IN ('viewed', 'searched', 'suggested', 'installed', 'uninstalled', 'executed')),
    -- 'server': seen by the server itself (a read, an install record); 'client': POST /api/v1/analytics/track
    source      text        NOT NULL CHECK (source IN ('server', 'client')),
    version     text        CHECK (version IS NULL OR length(version) BETWEEN 5 AND 128),
    occurred_at timestamptz NOT NULL
);
CREATE INDEX analytics_events_skill ON analytics_events (skill_id, occurred_at);

CREATE TABLE analytics_daily (
    skill_id uuid   NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    -- yyyy-mm-dd, UTC: text, as on SQLite, so that both dialects bind and compare it alike
    day      text   NOT NULL CHECK (day ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    event    text   NOT NULL
                    CHECK (event IN ('viewed', 'searched', 'suggested', 'installed', 'uninstalled', 'executed')),
    count    bigint NOT NULL CHECK (count > 0),
    PRIMARY KEY (skill_id, day, event)
);
-- trending: every skill's rows of a window of days
CREATE INDEX analytics_daily_day ON analytics_daily (day, skill_id);
