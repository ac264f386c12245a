package dev.skillbase.cli;

import dev.skillbase.skill.Problem;
import dev.skillbase.skill.ValidationResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The wire shape of one validated skill in {@code skillbase validate} output; {@code name} may be null. */
record ValidationReport(String path, String name, String status, List<ProblemReport> problems) {

    /** One problem on the wire: severity is {@code error} or {@code warning}. */
    record ProblemReport(String field, String code, String severity, String message) {
        static ProblemReport of(Problem problem) {
            return new ProblemReport(problem.field(), problem.code(),
                    problem.severity().name().toLowerCase(Locale.ROOT), problem.message());
        }
    }

    static ValidationReport of(String shownPath, ValidationResult result) {
        return new ValidationReport(shownPath, result.name().orElse(null),
                result.status().name().toLowerCase(Locale.ROOT),
                result.problems().stream().map(ProblemReport::of).toList());
    }

    void printTo(PrintWriter out) {
        out.printf("%-8s %s  %s%n", status, path, name == null ? "-" : name);
        for (ProblemReport problem : problems) {
            out.printf("  %-8s %s  %s: %s%n", problem.severity(), problem.code(), problem.field(), problem.message());
        }
    }
}
