package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillDocument;
import dev.skillbase.skill.SkillScanner;
import dev.skillbase.testing.Corpus;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real-world corpus published into each database: every skill the parser accepts is stored, and searching for
 * a skill's name finds it first. Prints search latencies (not asserted: the benchmark owns the target).
 */
class CorpusSearchIT {
    private static List<PublishRequest> requests;

    /** Read once for both databases: parsing and archiving the corpus costs more than storing it. */
    private static synchronized List<PublishRequest> requests() {
        if (requests == null) {
            requests = SkillScanner.find(Corpus.skills()).stream()
                    .map(CorpusSearchIT::request).flatMap(Optional::stream)
                    .filter(r -> r.ref().name().length() <= 64)
                    .toList();
        }
        return requests;
    }

    private static Optional<PublishRequest> request(Path dir) {
        try {
            SkillDocument document = SkillDocument.parse(Files.readString(dir.resolve("SKILL.md"), StandardCharsets.UTF_8));
            if (document.frontmatter().description().isEmpty()) {
                return Optional.empty();
            }
            String repo = Corpus.skills().relativize(dir).getName(0).toString().toLowerCase(Locale.ROOT);
            String name = dir.getFileName().toString().toLowerCase(Locale.ROOT);
            Bundle bundle = Bundle.read(dir, BundleLimits.DEFAULT);
            return Optional.of(new PublishRequest(new SkillRef(repo, name), "1.0.0", document, bundle, repo,
                    document.frontmatter().tags(), Optional.empty(), Optional.empty(), Optional.empty()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the lenient importer skips these with a reason; here they are simply not stored
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void every_parsed_corpus_skill_is_stored_and_found_first_by_its_name(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            Set<SkillRef> refs = new HashSet<>();
            for (PublishRequest request : requests()) {
                if (refs.add(request.ref())) {
                    registry.publish(request);
                }
            }
            assertThat(refs.size()).isGreaterThan(600);
            assertThat(registry.stats().skills()).isEqualTo(refs.size());

            List<Long> nanos = new ArrayList<>();
            for (SkillRef ref : refs) {
                long start = System.nanoTime();
                List<SearchHit> hits = registry.search(ref.name(), SkillQuery.all()).items();
                nanos.add(System.nanoTime() - start);
                assertThat(hits).as(ref.toString()).isNotEmpty();
                assertThat(hits.getFirst().skill().ref().name()).as(ref.toString()).isEqualTo(ref.name());
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%s corpus search over %d skills: p50 %.2f ms, p95 %.2f ms (%s)%n", kind, refs.size(),
                    sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 95 / 100] / 1e6,
                    Arrays.toString(new long[] {sorted[0] / 1000, sorted[sorted.length - 1] / 1000}) + " us min/max");
        }
    }
}
