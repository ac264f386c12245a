package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.store.NewVersion;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.nio.charset.StandardCharsets;
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
}
