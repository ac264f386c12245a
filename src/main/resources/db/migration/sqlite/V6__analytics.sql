-- Analytics. analytics_events keeps every event as it happened; analytics_daily rolls them up per skill, UTC day and
-- event. Both are written by the server's background event writer, one transaction per batch, so the roll-up always
-- equals the raw rows it counts. Nothing about the caller is stored: no IP address, no user.

CREATE TABLE analytics_events (
    id          INTEGER PRIMARY KEY,
    skill_id    TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    event       TEXT    NOT NULL
                        CHECK (event IN ('viewed', 'searched', 'suggested', 'installed', 'uninstalled', 'executed')),
    -- 'server': seen by the server itself (a read, an install record); 'client': POST /api/v1/analytics/track
    source      TEXT    NOT NULL CHECK (source IN ('server', 'client')),
    version     TEXT    CHECK (version IS NULL OR length(version) BETWEEN 5 AND 128),
    occurred_at INTEGER NOT NULL
);
CREATE INDEX analytics_events_skill ON analytics_events (skill_id, occurred_at);

CREATE TABLE analytics_daily (
    skill_id TEXT    NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    -- yyyy-mm-dd, UTC: compares in date order as text
    day      TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    event    TEXT    NOT NULL
                     CHECK (event IN ('viewed', 'searched', 'suggested', 'installed', 'uninstalled', 'executed')),
    count    INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (skill_id, day, event)
) WITHOUT ROWID;
-- trending: every skill's rows of a window of days
CREATE INDEX analytics_daily_day ON analytics_daily (day, skill_id);
