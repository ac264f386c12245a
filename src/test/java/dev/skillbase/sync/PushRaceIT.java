package dev.skillbase.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.PublishAttempt;
import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.PublishResult;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.RegistryStats;
import dev.skillbase.registry.MatchHit;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillHead;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.ValidationResult;
import dev.skillbase.skill.Validator;
import dev.skillbase.store.StoreException;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A push racing another writer for the same version number, on a real database: the other writer's publish is
 * made, through the same database, between this push's read of the versions and its own publish.
 */
class PushRaceIT {
    private static final Validator LENIENT = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void losing_a_race_for_a_version_publishes_the_next_patch(DbKind kind) throws IOException {
        Path mine = skill("mine", "My content");
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            Registry racing = new RivalFirst(registry, rival(), 1);

            PushReport report = new Push(racing, LENIENT).push(mine, new PushOptions("local", false, false));

            PushedSkill pushed = report.skills().getFirst();
            assertThat(pushed.outcome()).isEqualTo(PushedSkill.Outcome.UPDATED);
            assertThat(pushed.version()).contains("0.1.1");
            assertThat(pushed.previousVersion()).contains("0.1.0");
            assertThat(registry.versions(new SkillRef("local", "raced")).stream().map(VersionInfo::version))
                    .containsExactly("0.1.1", "0.1.0");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void losing_the_race_twice_reports_a_conflict_and_writes_nothing_of_its_own(DbKind kind) throws IOException {
        Path mine = skill("mine", "My content");
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            Registry racing = new RivalFirst(registry, rival(), 2);

            PushReport report = new Push(racing, LENIENT).push(mine, new PushOptions("local", false, false));

            PushedSkill pushed = report.skills().getFirst();
            assertThat(pushed.outcome()).isEqualTo(PushedSkill.Outcome.CONFLICT);
            assertThat(pushed.reasons().getFirst()).contains("local/raced@0.1.1", "already published");
            assertThat(report.succeeded()).isFalse();
            assertThat(registry.versions(new SkillRef("local", "raced"))).hasSize(2)
                    .allSatisfy(v -> assertThat(v.contentDigest()).isNotEqualTo(contentDigest(mine)));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void losing_a_race_inside_a_batch_publishes_the_next_patch_and_keeps_the_others(DbKind kind) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        named(root.resolve("a-first"), "first", "First content");
        named(root.resolve("b-raced"), "raced", "My content");
        named(root.resolve("c-last"), "last", "Last content");
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            Registry racing = new RivalFirst(registry, rival(), 1);

            PushReport report = new Push(racing, LENIENT).push(root, new PushOptions("local", false, false));

            assertThat(report.skills()).extracting(PushedSkill::outcome).containsExactly(PushedSkill.Outcome.ADDED,
                    PushedSkill.Outcome.UPDATED, PushedSkill.Outcome.ADDED);
            assertThat(report.skills().get(1).version()).contains("0.1.1");
            assertThat(registry.versions(new SkillRef("local", "raced")).stream().map(VersionInfo::version))
                    .containsExactly("0.1.1", "0.1.0");
            assertThat(registry.versions(new SkillRef("local", "first"))).hasSize(1);
            assertThat(registry.versions(new SkillRef("local", "last"))).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_skill_that_fails_in_a_batch_for_another_reason_is_published_again_alone(DbKind kind) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        named(root.resolve("a-first"), "first", "First content");
        named(root.resolve("b-raced"), "raced", "My content");
        named(root.resolve("c-last"), "last", "Last content");
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            RivalFirst failing = new RivalFirst(registry, rival(), 0);
            failing.failRacedInBatch = true;

            PushReport report = new Push(failing, LENIENT).push(root, new PushOptions("local", false, false));

            assertThat(report.skills()).extracting(PushedSkill::outcome).containsOnly(PushedSkill.Outcome.ADDED);
            assertThat(registry.versions(new SkillRef("local", "raced")).stream().map(VersionInfo::contentDigest))
                    .containsExactly(contentDigest(root.resolve("b-raced")));
            assertThat(registry.stats().skills()).isEqualTo(3);
        }
    }

    private static void named(Path dir, String name, String body) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("SKILL.md"), "---\nname: " + name + "\ndescription: Pushed\n---\n" + body + "\n");
    }

    private Path skill(String folder, String body) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        Files.writeString(dir.resolve("SKILL.md"), "---\nname: raced\ndescription: Raced for\n---\n" + body + "\n");
        return dir;
    }

    private String contentDigest(Path dir) {
        return LENIENT.validate(dir).bundle().orElseThrow().contentDigest();
    }

    private ValidationResult rival() throws IOException {
        return LENIENT.validate(skill("rival", "The rival's content"));
    }

    /**
     * The real registry, except that before each of the first {@code races} publishes of the skill {@code raced}
     * (alone or in a batch) the rival publishes its own content under the same version, as another process would.
     */
    private static final class RivalFirst implements Registry {
        private final Registry real;
        private final ValidationResult rival;
        private int races;

        RivalFirst(Registry real, ValidationResult rival, int races) {
            this.real = real;
            this.rival = rival;
            this.races = races;
        }

        @Override
        public PublishResult publish(PublishRequest request) {
            rivalFirst(request);
            return real.publish(request);
        }

        /**
         * When set, a batch leaves the skill {@code raced} out and reports it failed, as a batch on PostgreSQL does
         * for the victim of a deadlock with another writer.
         */
        boolean failRacedInBatch;

        @Override
        public List<PublishAttempt> publishAll(List<PublishRequest> requests) {
            requests.forEach(this::rivalFirst);
            if (!failRacedInBatch) {
                return real.publishAll(requests);
            }
            List<PublishAttempt> others = new ArrayList<>(real.publishAll(requests.stream()
                    .filter(request -> !request.ref().name().equals("raced")).toList()));
            List<PublishAttempt> attempts = new ArrayList<>();
            for (PublishRequest request : requests) {
                attempts.add(request.ref().name().equals("raced")
                        ? PublishAttempt.failed(new StoreException("publishing " + request.ref() + " failed: deadlock",
                                null))
                        : others.removeFirst());
            }
            return attempts;
        }

        private void rivalFirst(PublishRequest request) {
            if (request.ref().name().equals("raced") && races-- > 0) {
                real.publish(new PublishRequest(request.ref(), request.version(), rival.document().orElseThrow(),
                        rival.bundle().orElseThrow(), "rival", List.of(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
            }
        }

        @Override
        public Optional<byte[]> archive(SkillRef ref, String version) {
            return real.archive(ref, version);
        }

        @Override
        public Map<String, String> versionTags(SkillRef ref) {
            return real.versionTags(ref);
        }

        @Override
        public Optional<SkillDetails> skill(SkillRef ref) {
            return real.skill(ref);
        }

        @Override
        public List<VersionInfo> versions(SkillRef ref) {
            return real.versions(ref);
        }

        @Override
        public Optional<VersionDetails> version(SkillRef ref, String version) {
            return real.version(ref, version);
        }

        @Override
        public Optional<byte[]> file(SkillRef ref, String version, String path) {
            return real.file(ref, version, path);
        }

        @Override
        public Page<SkillSummary> list(SkillQuery query) {
            return real.list(query);
        }

        @Override
        public Page<SearchHit> search(String text, SkillQuery query) {
            return real.search(text, query);
        }

        @Override
        public Page<MatchHit> match(String task, SkillQuery query) {
            return real.match(task, query);
        }

        @Override
        public RegistryStats stats() {
            return real.stats();
        }

        @Override
        public List<SkillHead> heads(String namespace) {
            return real.heads(namespace);
        }

        @Override
        public void archiveSkill(SkillRef ref) {
            real.archiveSkill(ref);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
