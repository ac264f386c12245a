package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.NewSkill;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ChangeWatcher} reports each change another process makes once, within its window, and nothing else. */
class ChangeWatcherIT {

    /** Records what it hears. */
    private static final class Heard implements ChangeWatcher.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void changed(SkillRef ref) {
            events.add(ref.toString());
        }

        @Override
        public void changedAll() {
            events.add("*");
        }
    }

    private static NewSkill skill(String name) {
        return new NewSkill(new SkillRef("acme", name), Optional.empty(), Optional.of("A skill."), "", List.of(),
                "public", Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void reports_each_change_of_another_process_once(DbKind kind) {
        String url = TestDatabases.freshUrl(kind);
        try (LocalRegistry watched = LocalRegistry.open(url); LocalRegistry other = LocalRegistry.open(url)) {
            Heard heard = new Heard();
            try (ChangeWatcher watcher = new ChangeWatcher(watched, Clock.systemUTC(), List.of(heard))) {
                watcher.poll();
                assertThat(heard.events).isEmpty();

                other.create(skill("first"));
                other.create(skill("second"));
                watcher.poll();
                watcher.poll();
                assertThat(heard.events).containsExactly("acme/first", "acme/second");
            }
        }
    }

    @Test
    void forgets_nothing_a_lagging_clock_stamped_within_the_window() {
        String url = TestDatabases.freshUrl(DbKind.SQLITE);
        Instant now = Instant.now();
        Clock lagging = Clock.fixed(now.minus(Duration.ofSeconds(5)), ZoneOffset.UTC);
        try (LocalRegistry watched = LocalRegistry.open(url);
                LocalRegistry other = LocalRegistry.open(DatabaseUrl.parse(url), lagging)) {
            Heard heard = new Heard();
            try (ChangeWatcher watcher = new ChangeWatcher(watched, Clock.fixed(now, ZoneOffset.UTC),
                    List.of(heard))) {
                watcher.poll();
                other.create(skill("late"));
                watcher.poll();
                assertThat(heard.events).containsExactly("acme/late");
            }
        }
    }

    @Test
    void reports_everything_when_the_database_cannot_be_read(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gone.db");
        LocalRegistry watched = LocalRegistry.open("sqlite:" + file);
        Heard heard = new Heard();
        try (ChangeWatcher watcher = new ChangeWatcher(watched, Clock.systemUTC(), List.of(heard))) {
            watcher.poll();
            watched.close();
            Files.deleteIfExists(file);
            watcher.poll();
            assertThat(heard.events).containsExactly("*");
        }
    }
}
