package dev.skillbase.server;

import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.DailyStats;
import dev.skillbase.analytics.DayRange;
import dev.skillbase.analytics.EventCounts;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.analytics.TrendingSkill;
import dev.skillbase.analytics.TrendingWindow;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.SkillName;
import dev.skillbase.skill.Version;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analytics over HTTP: {@code POST /api/v1/analytics/track} (a client reports an event; 202 once queued),
 * {@code GET /api/v1/skills/{namespace}/{name}/stats} (a skill's events per UTC day) and
 * {@code GET /api/v1/trending} (the skills with the most weighted events in a window). A skill the caller may not
 * read is a 404 for tracking and stats alike, and trending lists only what the caller may list, so a private
 * namespace's figures are never shown to others. Thread-safe.
 */
final class AnalyticsHandlers {
    static final int DEFAULT_DAYS = 30;
    static final int DEFAULT_TRENDING = 20;
    static final int MAX_TRENDING = 100;
    private static final Set<String> TRACK_FIELDS = Set.of("event", "skill", "version");

    private final LocalRegistry registry;
    private final SkillResponseCache skills;
    private final EventRecorder events;
    private final Clock clock;

    AnalyticsHandlers(LocalRegistry registry, SkillResponseCache skills, EventRecorder events, Clock clock) {
        this.registry = registry;
        this.skills = skills;
        this.events = events;
        this.clock = clock;
    }

    record TrackedView(String event, String skill, String version) {
    }

    record DayView(String day, EventCounts events) {
    }

    record StatsView(String skill, String from, String to, EventCounts totals, List<DayView> days) {
        static StatsView of(DailyStats stats) {
            return new StatsView(stats.skill().toString(), stats.from().toString(), stats.to().toString(),
                    stats.totals(), stats.days().stream()
                            .map(d -> new DayView(d.day().toString(), d.events())).toList());
        }
    }

    record TrendingItem(String skill, String namespace, String name, String title, String description,
            long installs, long score, EventCounts events) {
        static TrendingItem of(TrendingSkill t) {
            return new TrendingItem(t.skill().toString(), t.skill().namespace(), t.skill().name(), t.title(),
                    t.description(), t.installs(), t.score(), t.events());
        }
    }

    record TrendingView(String window, String from, String to, List<TrendingItem> items) {
    }

    /** {@code POST /api/v1/analytics/track {event, skill, version}}: 202 once queued, 503 when the queue is full. */
    void track(Context ctx) {
        JsonBody body = JsonBody.read(ctx, TRACK_FIELDS);
        Optional<AnalyticsEvent> event = event(body);
        Optional<SkillRef> ref = skill(body);
        Optional<String> version = version(body);
        body.done();
        SkillRef skill = ref.orElseThrow();
        skills.readable(skill, Callers.viewer(ctx)).orElseThrow(() -> new SkillNotFoundException(skill));
        if (!events.tracked(event.orElseThrow(), skill, version)) {
            throw new AnalyticsBusyException();
        }
        ctx.status(202).json(new TrackedView(event.get().wire(), skill.toString(), version.orElse(null)));
    }

    private static Optional<AnalyticsEvent> event(JsonBody body) {
        Optional<String> text = body.text("event");
        if (!body.has("event")) {
            body.error("event", "event-missing", "event is required: one of "
                    + String.join(", ", AnalyticsEvent.wireNames()));
            return Optional.empty();
        }
        Optional<AnalyticsEvent> event = text.flatMap(AnalyticsEvent::of);
        if (text.isPresent() && event.isEmpty()) {
            body.error("event", "invalid-event", "event \"" + text.get() + "\" is not one of "
                    + String.join(", ", AnalyticsEvent.wireNames()));
        }
        return event;
    }

    private static Optional<SkillRef> skill(JsonBody body) {
        Optional<String> text = body.text("skill");
        if (!body.has("skill")) {
            body.error("skill", "skill-missing", "skill is required, as NAMESPACE/NAME");
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = text.get().split("/", -1);
        if (parts.length != 2 || !SkillName.problems(parts[0]).isEmpty() || !SkillName.problems(parts[1]).isEmpty()) {
            body.error("skill", "invalid-skill", "skill \"" + text.get() + "\" is not NAMESPACE/NAME: "
                    + SkillName.RULES);
            return Optional.empty();
        }
        return Optional.of(new SkillRef(parts[0], parts[1]));
    }

    private static Optional<String> version(JsonBody body) {
        Optional<String> text = body.text("version");
        try {
            return text.map(v -> Version.parse(v).toString());
        } catch (InvalidVersionException e) {
            body.error("version", "invalid-version", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code GET .../stats?days=} or {@code ?from=&to=}: every day of the range, today (UTC) by default its end. */
    void stats(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        DayRange range = range(ctx);
        skills.readable(ref, Callers.viewer(ctx)).orElseThrow(() -> new SkillNotFoundException(ref));
        DailyStats stats = DailyStats.of(ref, range, registry.analytics().daily(ref, range));
        ctx.header("Cache-Control", "private, no-cache");
        ctx.json(StatsView.of(stats));
    }

    private DayRange range(Context ctx) {
        Optional<String> days = Optional.ofNullable(ctx.queryParam("days"));
        Optional<String> from = Optional.ofNullable(ctx.queryParam("from"));
        Optional<String> to = Optional.ofNullable(ctx.queryParam("to"));
        LocalDate today = LocalDate.now(clock);
        if (days.isPresent() && (from.isPresent() || to.isPresent())) {
            throw new InvalidParameterException("days", "days-with-range",
                    "give either days or from and to, not both");
        }
        if (from.isEmpty() && to.isEmpty()) {
            return DayRange.lastDays(today, days.map(v -> ListRequest.integer(v, "days", 1, DayRange.MAX_DAYS))
                    .orElse(DEFAULT_DAYS));
        }
        LocalDate end = to.map(v -> date(v, "to")).orElse(today);
        LocalDate start = from.map(v -> date(v, "from")).orElse(end.minusDays(DEFAULT_DAYS - 1L));
        try {
            return new DayRange(start, end);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(from.isPresent() ? "from" : "to", "invalid-range",
                    e.getMessage() + " (a range holds 1 to " + DayRange.MAX_DAYS + " days)");
        }
    }

    private static LocalDate date(String value, String parameter) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "invalid-date", parameter + " \"" + value
                    + "\" is not a date as YYYY-MM-DD");
        }
    }

    /** {@code GET /api/v1/trending?window=7d&limit=}: best first; windows 1d, 7d, 30d, 90d. */
    void trending(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("window")).map(String::strip).orElse("7d");
        TrendingWindow window = TrendingWindow.of(text).orElseThrow(() -> new InvalidParameterException("window",
                "invalid-window", "window \"" + text + "\" is not one of "
                        + String.join(", ", TrendingWindow.wireNames())));
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(v -> ListRequest.integer(v, "limit", 1, MAX_TRENDING)).orElse(DEFAULT_TRENDING);
        DayRange range = window.endingOn(LocalDate.now(clock));
        List<TrendingSkill> items = registry.analytics().trending(range, Callers.viewer(ctx), limit);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.json(new TrendingView(window.wire(), range.from().toString(), range.to().toString(),
                items.stream().map(TrendingItem::of).toList()));
    }
}
