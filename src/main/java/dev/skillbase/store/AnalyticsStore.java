package dev.skillbase.store;

import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.DayRange;
import dev.skillbase.analytics.EventCounts;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.analytics.TrackedEvent;
import dev.skillbase.analytics.TrendingSkill;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Analytics events and their daily roll-up: {@link #append} adds a batch of events to the (skill, UTC day, event)
 * counts and keeps the rare ones raw too, in one transaction; {@link #daily} and {@link #trending} read the counts. This
 * class does not decide who may see a skill's figures beyond what {@link #trending} lists: callers check the reader
 * before {@link #daily}. Thread-safe.
 */
public final class AnalyticsStore implements EventRecorder.Sink {
    private static final String INSERT_EVENT = """
            INSERT INTO analytics_events (skill_id, event, source, version, occurred_at)
            VALUES (:skill, :event, :source, :version, :at)""";
    private static final String ADD_DAILY = """
            INSERT INTO analytics_daily (skill_id, day, event, count) VALUES (:skill, :day, :event, :count)
            ON CONFLICT (skill_id, day, event) DO UPDATE SET count = analytics_daily.count + excluded.count""";

    private static final int MAX_IDS = 100_000;
    private final Database database;
    private final Map<SkillRef, UUID> ids = new ConcurrentHashMap<>();

    public AnalyticsStore(Database database) {
        this.database = database;
    }

    private record DailyKey(String skill, String day, String event) {
    }

    /**
     * Counts the events whose skill exists (an event of a skill deleted meanwhile is left out) in the daily roll-up,
     * and keeps the rare ones raw as well, in one transaction. Reads the server sees by the thousand (views, search
     * and suggestion hits) are counters: they are only rolled up, since a row each would cost the database more than
     * the read that caused it. Installs, uninstalls, runs and whatever clients track are kept raw too.
     *
     * @return how many events were counted
     */
    @Override
    public int append(List<TrackedEvent> events) {
        return database.write("recording " + events.size() + " analytics events", handle -> {
            PreparedBatch raw = handle.prepareBatch(INSERT_EVENT);
            // sorted, so that writers on one PostgreSQL database lock the counts in the same order
            Map<DailyKey, Long> daily = new TreeMap<>(Comparator.comparing(DailyKey::skill)
                    .thenComparing(DailyKey::day).thenComparing(DailyKey::event));
            Map<String, UUID> byText = new HashMap<>();
            int counted = 0;
            for (TrackedEvent event : events) {
                Optional<UUID> id = skillId(handle, event.skill());
                if (id.isEmpty()) {
                    continue;
                }
                if (keptRaw(event)) {
                    raw.bind("skill", id.get()).bind("event", event.event().wire())
                            .bind("source", event.source().wire()).bind("version", event.version().orElse(null))
                            .bind("at", event.at()).add();
                }
                byText.put(id.get().toString(), id.get());
                daily.merge(new DailyKey(id.get().toString(), day(event), event.event().wire()), 1L, Long::sum);
                counted++;
            }
            if (daily.isEmpty()) {
                return 0;
            }
            if (raw.size() > 0) {
                raw.execute();
            }
            PreparedBatch counts = handle.prepareBatch(ADD_DAILY);
            daily.forEach((key, count) -> counts.bind("skill", byText.get(key.skill())).bind("day", key.day())
                    .bind("event", key.event()).bind("count", count).add());
            counts.execute();
            return counted;
        });
    }

    /** Whether an event is kept as a row of its own (see {@link #append}). */
    static boolean keptRaw(TrackedEvent event) {
        return event.source() == TrackedEvent.Source.CLIENT || switch (event.event()) {
            case VIEWED, SEARCHED, SUGGESTED -> false;
            case INSTALLED, UNINSTALLED, EXECUTED -> true;
        };
    }

    /**
     * The skill's id, remembered once found (skills are never deleted, only archived, so an id found stays right;
     * a skill not found is asked for again next time).
     */
    private Optional<UUID> skillId(Handle handle, SkillRef ref) {
        UUID known = ids.get(ref);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> found = InstallationStore.findSkillId(handle, ref);
        found.ifPresent(id -> {
            if (ids.size() >= MAX_IDS) {
                ids.clear();
            }
            ids.put(ref, id);
        });
        return found;
    }

    private static String day(TrackedEvent event) {
        return LocalDate.ofInstant(event.at(), ZoneOffset.UTC).toString();
    }

    /** The skill's counts per day of {@code range}; days without events are left out. */
    public Map<LocalDate, EventCounts> daily(SkillRef skill, DayRange range) {
        List<Row> rows = database.read("reading the daily analytics of " + skill, handle -> handle.createQuery("""
                        SELECT d.day, d.event, d.count
                        FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                        JOIN analytics_daily d ON d.skill_id = s.id
                        WHERE n.name = :namespace AND s.name = :name AND d.day BETWEEN :from AND :to""")
                .bind("namespace", skill.namespace()).bind("name", skill.name())
                .bind("from", range.from().toString()).bind("to", range.to().toString())
                .map((rs, ctx) -> new Row(LocalDate.parse(rs.getString("day")),
                        AnalyticsEvent.of(rs.getString("event")).orElseThrow(), rs.getLong("count")))
                .list());
        Map<LocalDate, Map<AnalyticsEvent, Long>> byDay = new TreeMap<>();
        rows.forEach(row -> byDay.computeIfAbsent(row.day(), d -> new EnumMap<>(AnalyticsEvent.class))
                .put(row.event(), row.count()));
        return byDay.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> EventCounts.of(entry.getValue()), (a, b) -> a, TreeMap::new));
    }

    private record Row(LocalDate day, AnalyticsEvent event, long count) {
    }

    /**
     * The active skills {@code viewer} may list with the highest positive score over {@code range}, best first (ties
     * by name), at most {@code limit}.
     */
    public List<TrendingSkill> trending(DayRange range, Viewer viewer, int limit) {
        VisibilityFilter visible = VisibilityFilter.listed(viewer);
        String sql = """
                SELECT n.name AS namespace_name, s.name AS skill_name, s.title, s.description, s.installs,
                       t.score, %s
                FROM (SELECT skill_id, SUM(count * CASE event %s END) AS score, %s
                      FROM analytics_daily WHERE day BETWEEN :from AND :to GROUP BY skill_id) t
                JOIN skills s ON s.id = t.skill_id JOIN namespaces n ON n.id = s.namespace_id
                WHERE t.score > 0 AND s.status = 'active' AND %s
                ORDER BY t.score DESC, n.name, s.name
                LIMIT :limit""".formatted(eventColumns("t."), weights(), eventSums(), visible.where());
        return database.read("reading the trending skills", handle -> handle.createQuery(sql)
                .bind("from", range.from().toString()).bind("to", range.to().toString()).bind("limit", limit)
                .bindMap(visible.parameters())
                .map((rs, ctx) -> trendingSkill(rs)).list());
    }

    private static String weights() {
        StringBuilder sql = new StringBuilder();
        for (AnalyticsEvent event : AnalyticsEvent.values()) {
            sql.append("WHEN '").append(event.wire()).append("' THEN ").append(event.weight()).append(' ');
        }
        return sql.toString();
    }

    private static String eventSums() {
        return AnalyticsEvent.wireNames().stream()
                .map(e -> "SUM(CASE WHEN event = '" + e + "' THEN count ELSE 0 END) AS " + e)
                .collect(Collectors.joining(", "));
    }

    private static String eventColumns(String prefix) {
        return AnalyticsEvent.wireNames().stream().map(e -> prefix + e).collect(Collectors.joining(", "));
    }

    private static TrendingSkill trendingSkill(ResultSet rs) throws SQLException {
        Map<AnalyticsEvent, Long> counts = new EnumMap<>(AnalyticsEvent.class);
        for (AnalyticsEvent event : AnalyticsEvent.values()) {
            counts.put(event, rs.getLong(event.wire()));
        }
        return new TrendingSkill(new SkillRef(rs.getString("namespace_name"), rs.getString("skill_name")),
                rs.getString("title"), rs.getString("description"), rs.getLong("installs"), rs.getLong("score"),
                EventCounts.of(counts));
    }

    /** How many events of {@code event} were counted for the skill, all days together. */
    public long recorded(SkillRef skill, AnalyticsEvent event) {
        return database.read("counting the analytics events of " + skill, handle -> handle.createQuery("""
                        SELECT COALESCE(SUM(d.count), 0) FROM analytics_daily d
                        JOIN skills s ON s.id = d.skill_id JOIN namespaces n ON n.id = s.namespace_id
                        WHERE n.name = :namespace AND s.name = :name AND d.event = :event""")
                .bind("namespace", skill.namespace()).bind("name", skill.name()).bind("event", event.wire())
                .mapTo(Long.class).one());
    }
}
