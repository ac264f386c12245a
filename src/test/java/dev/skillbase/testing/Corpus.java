package dev.skillbase.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-world corpus at {@code ../shared/corpus} (765 skills). A fresh clone has none: tests that read it are
 * then skipped, except where {@code SKILLBASE_REQUIRE_CORPUS=1} (set by {@code .ci/run}) makes its absence fail.
 */
public final class Corpus {
    private Corpus() {
    }

    /** The corpus folder holding {@code skills/}, {@code MANIFEST.tsv} and {@code STATS.md}. */
    public static Path root() {
        Path root = Path.of(System.getProperty("skillbase.corpus", "../shared/corpus")).toAbsolutePath().normalize();
        boolean present = Files.isDirectory(root.resolve("skills"));
        if (!present && "1".equals(System.getenv("SKILLBASE_REQUIRE_CORPUS"))) {
            fail("the corpus is required (SKILLBASE_REQUIRE_CORPUS=1) but " + root + "/skills is missing");
        }
        Assumptions.assumeTrue(present, () -> "corpus not present at " + root + " (a fresh clone has none)");
        return root;
    }

    /** {@code root()/skills}. */
    public static Path skills() {
        return root().resolve("skills");
    }
}
