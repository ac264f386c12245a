package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.Corpus;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The real-world corpus (765 skills) pushed into a fresh database. Observed, and why:
 * <ul>
 *   <li>33 skipped: 29 SKILL.md without a frontmatter block (anthropics/financial-services-plugins) and 4 whose
 *       YAML does not parse (3 neo4j, 1 firecrawl), each with the parser's reason;
 *   <li>27 in conflict: 12 names taken by more than one folder in one namespace (11 frontmatter names such as
 *       skill-creator x3, access x3, configure x3, and {@code web}, the folder name two zoom skills fall back to
 *       because their frontmatter names contain '/'); none of a colliding group is pushed;
 *   <li>705 added: the other 732 - 27 skills with usable frontmatter, 13 of them named after their folder.
 * </ul>
 */
class CorpusPushIT {
    private static final int FOLDERS = 765;
    private static final int ADDED = 705;
    private static final int SKIPPED = 33;
    private static final int CONFLICTS = 27;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void the_corpus_pushes_then_stays_unchanged_then_updates_exactly_the_changed_skill(DbKind kind) {
        Cli cli = new Cli(TestDatabases.freshUrl(kind));

        JsonNode first = cli.json(1, "push", Corpus.skills().toString());

        assertThat(first.get("skills").size()).isEqualTo(FOLDERS);
        assertCounts(first, ADDED, 0, 0);
        first.get("skills").forEach(skill -> {
            if (skill.get("outcome").asString().equals("skipped")) {
                assertThat(skill.get("reasons").toString()).as(skill.toString()).contains("frontmatter");
            }
        });
        assertThat(PushIT.outcome(first, "conflict").get("reasons").get(0).asString())
                .contains("is also the name of");

        Path copy = copyOf(Corpus.skills());
        assertCounts(cli.json(1, "push", copy.toString()), 0, 0, ADDED);

        Path changed = copy.resolve("ClickHouse__agent-skills/skills/chdb-sql/SKILL.md");
        flipLastByte(changed);
        JsonNode third = cli.json(1, "push", copy.toString());

        assertCounts(third, 0, 1, ADDED - 1);
        JsonNode updated = PushIT.outcome(third, "updated");
        assertThat(updated.get("name").asString()).isEqualTo("chdb-sql");
        assertThat(updated.get("version").asString()).isEqualTo("0.1.1");
        assertThat(updated.get("previousVersion").asString()).isEqualTo("0.1.0");
        assertThat(updated.get("taxonomyPath").asString()).isEqualTo("ClickHouse__agent-skills/skills/chdb-sql");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void list_show_search_and_stats_work_over_the_corpus(DbKind kind) {
        Cli cli = new Cli(TestDatabases.freshUrl(kind));
        cli.json(1, "push", Corpus.skills().toString());

        JsonNode page = cli.json("list", "--limit", "100", "--offset", "700");
        assertThat(page.get("total").asLong()).isEqualTo(ADDED);
        assertThat(page.get("items").size()).isEqualTo(ADDED - 700);
        assertThat(cli.json("list", "--category", "ClickHouse__agent-skills").get("total").asLong()).isEqualTo(11);

        JsonNode shown = cli.json("show", "--files", "local/chdb-sql");
        assertThat(shown.get("taxonomyPath").asString()).isEqualTo("ClickHouse__agent-skills/skills/chdb-sql");
        assertThat(shown.get("files").size()).isEqualTo(shown.get("version").get("fileCount").asInt());

        for (String name : new String[] {"chdb-sql", "terraform-skill", "systematic-debugging", "obsidian-markdown"}) {
            JsonNode hits = cli.json("search", name);
            assertThat(hits.get("items").get(0).get("skill").get("name").asString()).as(name).isEqualTo(name);
        }
        CliRun.Result text = cli.run("search", "postgres", "--limit", "10");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));

        JsonNode stats = cli.json("stats");
        assertThat(stats.get("skills").asLong()).isEqualTo(ADDED);
        assertThat(stats.get("versions").asLong()).isEqualTo(ADDED);
        assertThat(stats.get("namespaces").asLong()).isEqualTo(1);
        assertThat(stats.get("blobs").asLong()).isPositive();
        assertThat(stats.get("blobBytes").asLong()).isGreaterThan(10_000_000L);
    }

    private static void assertCounts(JsonNode report, int added, int updated, int unchanged) {
        JsonNode counts = report.get("counts");
        assertThat(counts.get("added").asInt()).as(counts.toString()).isEqualTo(added);
        assertThat(counts.get("updated").asInt()).as(counts.toString()).isEqualTo(updated);
        assertThat(counts.get("unchanged").asInt()).as(counts.toString()).isEqualTo(unchanged);
        assertThat(counts.get("skipped").asInt()).as(counts.toString()).isEqualTo(SKIPPED);
        assertThat(counts.get("conflict").asInt()).as(counts.toString()).isEqualTo(CONFLICTS);
    }

    private Path copyOf(Path source) {
        Path target = tmp.resolve("corpus");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void flipLastByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] = (byte) (bytes[bytes.length - 1] == ' ' ? '\n' : ' ');
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
