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
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Analytics events and their daily roll-up: {@link #append} stores a batch of raw events and adds them to the
 * (skill, UTC day, event) counts in the same transaction; {@link #daily} and {@link #trending} read the counts. This
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

    private final Database database;

    public AnalyticsStore(Database database) {
        this.database = database;
    }

    private record DailyKey(String skill, String day, String event) {
    }

    /**
     * Stores the events whose skill exists (an event of a skill deleted meanwhile is left out) and adds them to the
     * daily counts, in one transaction.
     *
     * @return how many events were stored
     */
    @Override
    public int append(List<TrackedEvent> events) {
        return database.write("recording " + events.size() + " analytics events", handle -> {
            Map<SkillRef, Optional<UUID>> ids = new HashMap<>();
            PreparedBatch raw = handle.prepareBatch(INSERT_EVENT);
            // sorted, so that writers on one PostgreSQL database lock the counts in the same order
            Map<DailyKey, Long> daily = new TreeMap<>(Comparator.comparing(DailyKey::skill)
                    .thenComparing(DailyKey::day).thenComparing(DailyKey::event));
            Map<String, UUID> byText = new HashMap<>();
            for (TrackedEvent event : events) {
                Optional<UUID> id = ids.computeIfAbsent(event.skill(), ref -> InstallationStore.findSkillId(handle, ref));
                if (id.isEmpty()) {
                    continue;
                }
                raw.bind("skill", id.get()).bind("event", event.event().wire()).bind("source", event.source().wire())
                        .bind("version", event.version().orElse(null)).bind("at", event.at()).add();
                byText.put(id.get().toString(), id.get());
                daily.merge(new DailyKey(id.get().toString(), day(event), event.event().wire()), 1L, Long::sum);
            }
            if (daily.isEmpty()) {
                return 0;
            }
            int stored = raw.size();
            raw.execute();
            PreparedBatch counts = handle.prepareBatch(ADD_DAILY);
            daily.forEach((key, count) -> counts.bind("skill", byText.get(key.skill())).bind("day", key.day())
                    .bind("event", key.event()).bind("count", count).add());
            counts.execute();
            return stored;
        });
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

    /** How many raw events of {@code event} are stored for the skill (raw events are kept as they came). */
    public long recorded(SkillRef skill, AnalyticsEvent event) {
        return database.read("counting the analytics events of " + skill, handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM analytics_events e
                        JOIN skills s ON s.id = e.skill_id JOIN namespaces n ON n.id = s.namespace_id
                        WHERE n.name = :namespace AND s.name = :name AND e.event = :event""")
                .bind("namespace", skill.namespace()).bind("name", skill.name()).bind("event", event.wire())
                .mapTo(Long.class).one());
    }
}
