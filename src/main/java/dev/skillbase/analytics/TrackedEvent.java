package dev.skillbase.analytics;

import dev.skillbase.registry.SkillRef;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One event as recorded: the skill, what happened, who reported it, the version concerned (installs, executions),
 * and when. Nothing about the caller.
 */
public record TrackedEvent(SkillRef skill, AnalyticsEvent event, Source source, Optional<String> version,
        Instant at) {

    /** Who reported the event: the server, seeing its own reads and writes, or a client through the track API. */
    public enum Source {
        SERVER,
        CLIENT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TrackedEvent {
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(at, "at");
    }
}
