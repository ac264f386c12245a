package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.store.NewFile;
import dev.skillbase.store.NewVersion;
import dev.skillbase.store.StoreException;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestRequests;
import dev.skillbase.testing.TestVersions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalRegistryPublishIT {
    private static final SkillRef PDF = new SkillRef("acme", "pdf-tools");

    private static LocalRegistry open(DbKind kind) {
        return LocalRegistry.open(TestDatabases.freshUrl(kind));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void publish_creates_namespace_skill_and_version(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            NewVersion version = TestVersions.skill("acme", "pdf-tools").title("PDF Tools")
                    .tags("pdf", "forms").file("scripts/fill.sh", "#!/bin/sh\necho fill\n").build();

            PublishResult result = registry.publish(version);

            assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(result.info().contentDigest()).isEqualTo(version.contentDigest());
            assertThat(result.info().fileCount()).isEqualTo(2);
            SkillDetails skill = registry.skill(PDF).orElseThrow();
            assertThat(skill.title()).isEqualTo("PDF Tools");
            assertThat(skill.description()).isEqualTo("Work with PDF files");
            assertThat(skill.taxonomyPath()).isEqualTo("documents/pdf");
            assertThat(skill.tags()).containsExactly("pdf", "forms");
            assertThat(skill.status()).isEqualTo("active");
            assertThat(skill.visibility()).isEqualTo("public");
            assertThat(skill.license()).contains("MIT");
            assertThat(skill.latest().orElseThrow().version()).isEqualTo("1.0.0");
            assertThat(skill.versionCount()).isEqualTo(1);
            assertThat(registry.stats().namespaces()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void version_lists_files_and_file_returns_their_bytes(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            registry.publish(TestVersions.skill("acme", "pdf-tools")
                    .file("scripts/fill.sh", "#!/bin/sh\necho fill\n").build());

            VersionDetails details = registry.version(PDF, "1.0.0").orElseThrow();

            assertThat(details.files()).extracting(VersionDetails.FileEntry::path)
                    .containsExactly("SKILL.md", "scripts/fill.sh");
            assertThat(details.files().get(1).executable()).isTrue();
            assertThat(details.files().get(1).size()).isEqualTo(20);
            assertThat(details.frontmatterJson()).contains("\"name\"").contains("pdf-tools");
            assertThat(details.body()).startsWith("# PDF tools");
            assertThat(registry.file(PDF, "1.0.0", "scripts/fill.sh").orElseThrow())
                    .asString(StandardCharsets.UTF_8).isEqualTo("#!/bin/sh\necho fill\n");
            assertThat(registry.file(PDF, "1.0.0", "missing.txt")).isEmpty();
            assertThat(registry.file(PDF, "9.9.9", "SKILL.md")).isEmpty();
            assertThat(registry.version(PDF, "9.9.9")).isEmpty();
            assertThat(registry.archive(PDF, "1.0.0")).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void versions_are_listed_highest_semver_first_and_latest_is_the_highest(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            for (String v : new String[] {"1.2.0", "1.10.0", "1.10.0-rc.1", "0.9.0"}) {
                registry.publish(TestVersions.skill("acme", "pdf-tools").version(v).body("body " + v).build());
            }

            assertThat(registry.versions(PDF)).extracting(VersionInfo::version)
                    .containsExactly("1.10.0", "1.10.0-rc.1", "1.2.0", "0.9.0");
            assertThat(registry.skill(PDF).orElseThrow().latest().orElseThrow().version()).isEqualTo("1.10.0");
            assertThat(registry.versions(new SkillRef("acme", "nothing"))).isEmpty();
            assertThat(registry.skill(new SkillRef("acme", "nothing"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void republishing_identical_content_is_unchanged(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            NewVersion version = TestVersions.skill("acme", "pdf-tools").build();
            PublishResult first = registry.publish(version);

            PublishResult second = registry.publish(TestVersions.skill("acme", "pdf-tools").build());

            assertThat(second.outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
            assertThat(second.info()).isEqualTo(first.info());
            assertThat(registry.skill(PDF).orElseThrow().updatedAt()).isEqualTo(first.info().publishedAt());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void different_content_under_a_published_version_is_a_conflict_and_changes_nothing(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            registry.publish(TestVersions.skill("acme", "pdf-tools").build());
            RegistryStats before = registry.stats();
            NewVersion changed = TestVersions.skill("acme", "pdf-tools").description("Something else")
                    .body("another body").tags("other").build();

            assertThatThrownBy(() -> registry.publish(changed))
                    .isInstanceOf(VersionConflictException.class)
                    .hasMessageContaining("acme/pdf-tools@1.0.0");

            assertThat(registry.stats()).isEqualTo(before);
            SkillDetails skill = registry.skill(PDF).orElseThrow();
            assertThat(skill.description()).isEqualTo("Work with PDF files");
            assertThat(skill.tags()).containsExactly("pdf");
            assertThat(registry.version(PDF, "1.0.0").orElseThrow().body()).startsWith("# PDF tools");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void blobs_are_stored_once_across_versions_and_skills(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            String script = "#!/bin/sh\necho same bytes everywhere\n";
            registry.publish(TestVersions.skill("acme", "pdf-tools").file("scripts/run.sh", script).build());
            registry.publish(TestVersions.skill("acme", "pdf-tools").version("1.1.0").body("changed")
                    .file("scripts/run.sh", script).build());
            registry.publish(TestVersions.skill("zeta", "other").file("bin/run.sh", script).build());

            RegistryStats stats = registry.stats();

            // SKILL.md and archive per version (3 each distinct), the script once
            assertThat(stats.blobs()).isEqualTo(7);
            assertThat(stats.versions()).isEqualTo(3);
            assertThat(registry.version(new SkillRef("zeta", "other"), "1.0.0").orElseThrow().files())
                    .extracting(VersionDetails.FileEntry::digest)
                    .contains(registry.version(PDF, "1.1.0").orElseThrow().files().get(1).digest());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_publish_failing_midway_leaves_nothing_behind(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            NewVersion valid = TestVersions.skill("acme", "pdf-tools").build();
            List<NewFile> twice = new ArrayList<>(valid.files());
            twice.add(new NewFile("SKILL.md", "a second file at the same path".getBytes(StandardCharsets.UTF_8), false));
            NewVersion broken = new NewVersion(valid.namespace(), valid.name(), valid.version(), valid.title(),
                    valid.description(), valid.taxonomyPath(), valid.tags(), valid.license(), valid.sourceUrl(),
                    valid.frontmatterJson(), valid.body(), valid.contentDigest(), valid.archiveDigest(),
                    valid.archive(), twice, valid.changelog(), valid.publishedBy());

            assertThatThrownBy(() -> registry.publish(broken))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("publishing acme/pdf-tools@1.0.0 failed");

            assertThat(registry.skill(PDF)).isEmpty();
            assertThat(registry.stats()).isEqualTo(new RegistryStats(0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(registry.search("pdf", SkillQuery.all()).items()).isEmpty();
            assertThat(registry.publish(valid).outcome()).isEqualTo(PublishResult.Outcome.CREATED);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_version_that_is_not_semver_is_rejected_before_anything_is_written(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            assertThatThrownBy(() -> registry.publish(TestVersions.skill("acme", "pdf-tools").version("1.0").build()))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("is not a semantic version");
            assertThat(registry.stats().skills()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_parsed_publish_request_stores_the_document_and_bundle(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            PublishRequest request = TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.0.0",
                    "documents/pdf", List.of("PDF", "documents", "pdf"));

            PublishResult result = registry.publish(request);

            assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(result.info().contentDigest()).isEqualTo(request.bundle().contentDigest());
            assertThat(result.info().archiveDigest()).isEqualTo(request.bundle().archiveDigest());
            SkillDetails skill = registry.skill(PDF).orElseThrow();
            assertThat(skill.title()).isEqualTo("PDF tools");
            assertThat(skill.description()).startsWith("Extracts text and tables from PDF files.");
            assertThat(skill.license()).contains("Apache-2.0");
            assertThat(skill.sourceUrl()).contains("https://example.com/pdf-tools");
            assertThat(skill.tags()).containsExactly("pdf", "documents");
            VersionDetails details = registry.version(PDF, "1.0.0").orElseThrow();
            assertThat(details.changelog()).contains("First");
            assertThat(details.frontmatterJson()).contains("\"compatibility\"");
            assertThat(registry.archive(PDF, "1.0.0").orElseThrow()).isEqualTo(request.bundle().archive());
            assertThat(registry.publish(request).outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_version_whose_statement_fails_in_the_middle_of_a_batch_loses_no_other_version(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            NewVersion first = TestVersions.skill("acme", "first").build();
            NewVersion broken = withSecondSkillMd(TestVersions.skill("acme", "broken").build());
            NewVersion last = TestVersions.skill("acme", "last").build();

            List<PublishAttempt> attempts = registry.publishVersions(List.of(first, broken, last));

            assertThat(attempts.get(0).result().outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(attempts.get(2).result().outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(attempts.get(1).failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .isInstanceOf(StoreException.class).hasMessageContaining("publishing acme/broken@1.0.0 failed"));
            assertThatThrownBy(() -> attempts.get(1).result()).isSameAs(attempts.get(1).failure().orElseThrow());
            assertThat(registry.skill(new SkillRef("acme", "first"))).isPresent();
            assertThat(registry.skill(new SkillRef("acme", "last"))).isPresent();
            // nothing of the broken one: no skill record, no version, no search entry
            assertThat(registry.skill(new SkillRef("acme", "broken"))).isEmpty();
            assertThat(registry.stats().skills()).isEqualTo(2);
            assertThat(registry.stats().versions()).isEqualTo(2);
            assertThat(registry.search("broken", SkillQuery.all()).items()).isEmpty();
            assertThat(registry.search("pdf", SkillQuery.all()).items()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_batch_reports_conflicts_and_bad_versions_in_place_and_publishes_the_rest(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.0.0", "documents/pdf",
                    List.of()));
            PublishRequest same = TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.0.0", "documents/pdf",
                    List.of());
            PublishRequest next = TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.1.0", "documents/pdf",
                    List.of());
            PublishRequest notSemver = TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.2",
                    "documents/pdf", List.of());
            PublishRequest other = TestRequests.of(TestRequests.fixture("pdf-tools"), "other", "1.0.0",
                    "documents/pdf", List.of());
            registry.publish(TestVersions.skill("acme", "pdf-tools").version("2.0.0").build());
            PublishRequest conflicting = TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "2.0.0",
                    "documents/pdf", List.of());

            List<PublishAttempt> attempts = registry.publishAll(List.of(same, conflicting, next, notSemver, other));

            assertThat(attempts.get(0).result().outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
            assertThat(attempts.get(1).failure()).containsInstanceOf(VersionConflictException.class);
            assertThat(attempts.get(2).result().outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(attempts.get(3).failure()).containsInstanceOf(InvalidVersionException.class);
            assertThat(attempts.get(4).result().outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(registry.versions(PDF)).extracting(VersionInfo::version).containsExactly("2.0.0", "1.1.0", "1.0.0");
            assertThat(registry.skill(new SkillRef("other", "pdf-tools"))).isPresent();
        }
    }

    /** The version with a second file at the path SKILL.md: its files' insert fails after its other rows. */
    private static NewVersion withSecondSkillMd(NewVersion valid) {
        List<NewFile> twice = new ArrayList<>(valid.files());
        twice.add(new NewFile("SKILL.md", "a second file at the same path".getBytes(StandardCharsets.UTF_8), false));
        return new NewVersion(valid.namespace(), valid.name(), valid.version(), valid.title(), valid.description(),
                valid.taxonomyPath(), valid.tags(), valid.license(), valid.sourceUrl(), valid.frontmatterJson(),
                valid.body(), valid.contentDigest(), valid.archiveDigest(), valid.archive(), twice,
                valid.changelog(), valid.publishedBy());
    }
}
