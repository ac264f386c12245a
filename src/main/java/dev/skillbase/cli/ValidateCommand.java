package dev.skillbase.cli;

import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillScanner;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase validate}: checks skill folders and prints every problem of each. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks skills against the Agent Skills spec (agentskills.io) and prints every problem at once.",
            "PATH is a skill folder, its SKILL.md, or a folder searched for skills.",
            "Strict (the default) applies the spec exactly, as publishing does; --lenient does what agents do:"
                    + " it only warns, and skips a skill whose SKILL.md cannot be read or has no description."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every skill is valid",
            "1:a skill is invalid or skipped, or a folder holds no skill",
            "2:usage error (both --strict and --lenient, a path that does not exist)"
        })
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Skill folders, SKILL.md files or folders to search.")
    List<Path> paths;

    @ArgGroup(exclusive = true)
    Mode mode;

    @Option(names = "--json", description = "Print one JSON array of results on stdout.")
    boolean json;

    @Option(names = "--max-files", paramLabel = "N", description = "Most files a skill may hold (default 1000).")
    Integer maxFiles;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Most bytes a skill may hold (default 50 MiB).")
    Long maxBytes;

    @Option(names = "--max-file-bytes", paramLabel = "N", description = "Most bytes per file (default 10 MiB).")
    Long maxFileBytes;

    static final class Mode {
        @Option(names = "--strict", description = "Apply the spec exactly (the default).")
        boolean strict;

        @Option(names = "--lenient", description = "Warn instead of failing, as agents do when they load skills.")
        boolean lenient;
    }

    @Override
    public Integer call() {
        Validator validator = new Validator(mode != null && mode.lenient ? ValidationMode.LENIENT : ValidationMode.STRICT,
                limits());
        List<ValidationReport> reports = new ArrayList<>();
        for (Found found : findAll()) {
            reports.add(ValidationReport.of(found.shown(), validator.validate(found.dir())));
        }
        print(reports);
        return reports.stream().allMatch(r -> r.status().equals("valid")) ? ExitCodes.OK : ExitCodes.INVALID;
    }

    private record Found(Path dir, String shown) {
    }

    /** Every skill under every path, found before any is validated so a bad path fails fast. */
    private List<Found> findAll() {
        List<Found> found = new ArrayList<>();
        for (Path path : paths) {
            List<Path> dirs = SkillScanner.find(path);
            if (dirs.isEmpty()) {
                throw new InvalidInputException("no skill found in " + path
                        + ": a skill is a folder holding a SKILL.md (create one with skillbase init)");
            }
            dirs.forEach(dir -> found.add(new Found(dir, shown(path, dir))));
        }
        return found;
    }

    /** A skill found below the given root is shown relative to it; otherwise as the user gave it. */
    private static String shown(Path root, Path dir) {
        if (dir.equals(root) || !dir.startsWith(root)) {
            return dir.toString();
        }
        return root.relativize(dir).toString().replace('\\', '/');
    }

    private BundleLimits limits() {
        BundleLimits defaults = BundleLimits.DEFAULT;
        int files = maxFiles == null ? defaults.maxFiles() : maxFiles;
        long bytes = maxBytes == null ? defaults.maxTotalBytes() : maxBytes;
        long fileBytes = maxFileBytes == null ? defaults.maxFileBytes() : maxFileBytes;
        if (files <= 0 || bytes <= 0 || fileBytes <= 0) {
            throw new UsageException("--max-files, --max-bytes and --max-file-bytes must be positive numbers");
        }
        return new BundleLimits(files, bytes, fileBytes);
    }

    private void print(List<ValidationReport> reports) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, reports);
        } else {
            reports.forEach(report -> report.printTo(out));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println(reports.size() + (reports.size() == 1 ? " skill: " : " skills: ")
                + count(reports, "valid") + " valid, "
                + count(reports, "invalid") + " invalid, "
                + count(reports, "skipped") + " skipped");
        err.flush();
    }

    private static long count(List<ValidationReport> reports, String status) {
        return reports.stream().filter(r -> r.status().equals(status)).count();
    }
}
