package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.store.NewVersion;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalRegistryConcurrencyIT {
    private static final int THREADS = 16;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void sixteen_concurrent_publishes_of_one_version_create_it_exactly_once(DbKind kind) throws Exception {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
                ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PublishResult>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                NewVersion version = TestVersions.skill("acme", "pdf-tools").build();
                results.add(pool.submit(() -> {
                    start.await();
                    return registry.publish(version);
                }));
            }
            start.countDown();

            List<PublishResult.Outcome> outcomes = new ArrayList<>();
            for (Future<PublishResult> result : results) {
                outcomes.add(result.get().outcome());
            }

            assertThat(outcomes).filteredOn(o -> o == PublishResult.Outcome.CREATED).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o == PublishResult.Outcome.UNCHANGED).hasSize(THREADS - 1);
            assertThat(registry.versions(new SkillRef("acme", "pdf-tools"))).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrent_publishes_of_different_skills_sharing_files_all_succeed(DbKind kind) throws Exception {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
                ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PublishResult>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                NewVersion version = TestVersions.skill(i % 2 == 0 ? "acme" : "zeta", "skill-" + i)
                        .tags("shared", "tag-" + i % 3)
                        .file("scripts/common.sh", "#!/bin/sh\necho shared\n")
                        .file("LICENSE", "MIT License\n")
                        .build();
                results.add(pool.submit(() -> {
                    start.await();
                    return registry.publish(version);
                }));
            }
            start.countDown();
            for (Future<PublishResult> result : results) {
                assertThat(result.get().outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            }

            RegistryStats stats = registry.stats();
            assertThat(stats.skills()).isEqualTo(THREADS);
            assertThat(stats.namespaces()).isEqualTo(2);
            assertThat(stats.tags()).isEqualTo(4);
            // per skill its own SKILL.md and archive, plus the two shared files stored once
            assertThat(stats.blobs()).isEqualTo(2L * THREADS + 2);
        }
    }
}
