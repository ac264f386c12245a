package dev.skillbase.cli;

import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.Viewer;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The filters and the page shared by {@code list} and {@code search}; bad values are usage errors (exit 2). */
public final class FilterOptions {

    /** The statuses a skill can have. */
    enum Status {
        DRAFT,
        ACTIVE,
        DEPRECATED,
        ARCHIVED
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--namespace", paramLabel = "NS", description = "Only skills in this namespace.")
    String namespace;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only skills with this status: ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only skills with this tag.")
    String tag;

    @Option(names = "--category", paramLabel = "PATH",
            description = "Only skills under this taxonomy path (a prefix: 'development' matches "
                    + "'development/languages/python').")
    String category;

    private int limit = 20;
    private int offset = 0;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N skills (1-" + SkillQuery.MAX_LIMIT + ", default ${DEFAULT-VALUE}).")
    void limit(int value) {
        if (value < 1 || value > SkillQuery.MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(),
                    "--limit must be between 1 and " + SkillQuery.MAX_LIMIT + ", got " + value);
        }
        limit = value;
    }

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "Skip the first N skills (0-" + SkillQuery.MAX_OFFSET + ", default ${DEFAULT-VALUE}).")
    void offset(int value) {
        if (value < 0 || value > SkillQuery.MAX_OFFSET) {
            throw new ParameterException(spec.commandLine(),
                    "--offset must be between 0 and " + SkillQuery.MAX_OFFSET + ", got " + value);
        }
        offset = value;
    }

    SkillQuery query(SkillQuery.Sort sort) {
        return new SkillQuery(Optional.ofNullable(namespace), status().map(s -> s.name().toLowerCase(Locale.ROOT)),
                Optional.ofNullable(tag).map(t -> t.toLowerCase(Locale.ROOT)), Optional.ofNullable(category), sort,
                limit, offset, Viewer.EVERYTHING);
    }

    private Optional<Status> status() {
        return Optional.ofNullable(status);
    }
}
