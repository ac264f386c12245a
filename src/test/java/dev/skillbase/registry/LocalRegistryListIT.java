package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import dev.skillbase.testing.TickingClock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalRegistryListIT {

    /** Five skills published in this order (one second apart): created order = this order. */
    private static LocalRegistry openWithFiveSkills(DbKind kind) {
        LocalRegistry registry = LocalRegistry.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)),
                new TickingClock(Instant.parse("2026-01-01T00:00:00Z")));
        registry.publish(TestVersions.skill("acme", "pdf-tools").taxonomy("documents/pdf").tags("pdf").build());
        registry.publish(TestVersions.skill("acme", "python-lint").taxonomy("development/languages/python")
                .tags("python", "lint").build());
        registry.publish(TestVersions.skill("zeta", "go-test").taxonomy("development/testing").tags("go").build());
        registry.publish(TestVersions.skill("zeta", "devx").taxonomy("developmentx").tags("misc").build());
        registry.publish(TestVersions.skill("acme", "dev-root").taxonomy("development").tags("python").build());
        return registry;
    }

    private static SkillQuery query(SkillQuery.Sort sort, int limit, int offset) {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), sort, limit,
                offset);
    }

    private static SkillQuery filtered(String namespace, String status, String tag, String category) {
        return new SkillQuery(Optional.ofNullable(namespace), Optional.ofNullable(status), Optional.ofNullable(tag),
                Optional.ofNullable(category), SkillQuery.Sort.NAME, 20, 0);
    }

    private static Iterable<String> names(Page<SkillSummary> page) {
        return page.items().stream().map(s -> s.ref().name()).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void lists_everything_by_name_with_total_tags_and_latest_version(DbKind kind) {
        try (LocalRegistry registry = openWithFiveSkills(kind)) {
            Page<SkillSummary> page = registry.list(SkillQuery.all());

            assertThat(names(page)).containsExactly("dev-root", "devx", "go-test", "pdf-tools", "python-lint");
            assertThat(page.total()).isEqualTo(5);
            SkillSummary lint = page.items().get(4);
            assertThat(lint.ref()).isEqualTo(new SkillRef("acme", "python-lint"));
            assertThat(lint.tags()).containsExactly("python", "lint");
            assertThat(lint.latestVersion()).contains("1.0.0");
            assertThat(lint.taxonomyPath()).isEqualTo("development/languages/python");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void sorts_by_created_and_by_updated_newest_first(DbKind kind) {
        try (LocalRegistry registry = openWithFiveSkills(kind)) {
            assertThat(names(registry.list(query(SkillQuery.Sort.CREATED, 20, 0))))
                    .containsExactly("dev-root", "devx", "go-test", "python-lint", "pdf-tools");

            registry.publish(TestVersions.skill("acme", "pdf-tools").version("1.1.0").body("new").build());

            assertThat(names(registry.list(query(SkillQuery.Sort.UPDATED, 20, 0))))
                    .containsExactly("pdf-tools", "dev-root", "devx", "go-test", "python-lint");
            assertThat(names(registry.list(query(SkillQuery.Sort.CREATED, 20, 0))))
                    .containsExactly("dev-root", "devx", "go-test", "python-lint", "pdf-tools");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pages_with_limit_and_offset_and_keeps_the_total(DbKind kind) {
        try (LocalRegistry registry = openWithFiveSkills(kind)) {
            Page<SkillSummary> second = registry.list(query(SkillQuery.Sort.NAME, 2, 2));
            Page<SkillSummary> beyond = registry.list(query(SkillQuery.Sort.NAME, 2, 10));

            assertThat(names(second)).containsExactly("go-test", "pdf-tools");
            assertThat(second.total()).isEqualTo(5);
            assertThat(second.limit()).isEqualTo(2);
            assertThat(second.offset()).isEqualTo(2);
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void filters_by_namespace_status_and_tag(DbKind kind) {
        try (LocalRegistry registry = openWithFiveSkills(kind)) {
            assertThat(names(registry.list(filtered("zeta", null, null, null)))).containsExactly("devx", "go-test");
            assertThat(names(registry.list(filtered(null, null, "python", null))))
                    .containsExactly("dev-root", "python-lint");
            assertThat(names(registry.list(filtered("acme", "active", "python", null))))
                    .containsExactly("dev-root", "python-lint");
            assertThat(registry.list(filtered(null, "deprecated", null, null)).total()).isZero();
            assertThat(registry.list(filtered(null, null, "no-such-tag", null)).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void category_matches_the_path_and_below_it_but_not_a_longer_sibling(DbKind kind) {
        try (LocalRegistry registry = openWithFiveSkills(kind)) {
            Page<SkillSummary> development = registry.list(filtered(null, null, null, "development"));

            assertThat(names(development)).containsExactly("dev-root", "go-test", "python-lint");
            assertThat(development.total()).isEqualTo(3);
            assertThat(names(registry.list(filtered(null, null, null, "development/languages/"))))
                    .containsExactly("python-lint");
            assertThat(names(registry.list(filtered(null, null, null, "developmentx")))).containsExactly("devx");
            assertThat(registry.list(filtered(null, null, null, "develop")).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void stats_count_skills_versions_namespaces_categories_tags_and_blobs(DbKind kind) {
        try (LocalRegistry registry = openWithFiveSkills(kind)) {
            RegistryStats stats = registry.stats();

            assertThat(stats.skills()).isEqualTo(5);
            assertThat(stats.versions()).isEqualTo(5);
            assertThat(stats.namespaces()).isEqualTo(2);
            assertThat(stats.categories()).isEqualTo(5);
            assertThat(stats.tags()).isEqualTo(5);
            assertThat(stats.blobs()).isEqualTo(10);
            assertThat(stats.blobBytes()).isPositive();
            assertThat(stats.installs()).isZero();
        }
    }
}
