package dev.skillbase.cli;

import dev.skillbase.sync.PushReport;
import dev.skillbase.sync.PushedSkill;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** A push report for people: one aligned line per skill, the reasons of failures, a summary; warnings on stderr. */
final class PushReportText {
    private PushReportText() {
    }

    static void print(PushReport report, PrintWriter out, PrintWriter err) {
        Table table = Table.of("OUTCOME", "SKILL", "VERSION", "PATH").cap(1, 36).cap(2, 20).keepEnd(3);
        for (PushedSkill skill : report.skills()) {
            table.row(JsonViews.lower(skill.outcome()), skill.ref().map(Object::toString).orElse("-"),
                    version(skill), display(skill.path()));
        }
        table.print(out);
        boolean failures = report.skills().stream().anyMatch(PushedSkill::failed);
        if (failures) {
            out.println();
            out.println("Not pushed:");
            for (PushedSkill skill : report.skills()) {
                if (skill.failed()) {
                    out.println("  " + display(skill.path()) + " (" + JsonViews.lower(skill.outcome()) + ")");
                    skill.reasons().forEach(reason -> out.println("      " + reason));
                }
            }
        }
        out.println();
        out.println(summary(report));
        out.flush();
        for (PushedSkill skill : report.skills()) {
            skill.warnings().forEach(warning -> err.println("warning: " + display(skill.path()) + ": " + warning));
        }
        err.flush();
    }

    private static String version(PushedSkill skill) {
        String version = skill.version().orElse("-");
        if (skill.outcome() == PushedSkill.Outcome.UPDATED && skill.previousVersion().isPresent()) {
            return skill.previousVersion().get() + " -> " + version;
        }
        return version;
    }

    private static String display(String path) {
        return path.isEmpty() ? "." : path;
    }

    private static String label(PushedSkill.Outcome outcome) {
        return outcome == PushedSkill.Outcome.CONFLICT ? "in conflict" : JsonViews.lower(outcome);
    }

    static String summary(PushReport report) {
        Map<PushedSkill.Outcome, Integer> counts = report.counts();
        String parts = counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + label(entry.getKey()))
                .collect(Collectors.joining(", "));
        return report.skills().size() + " skills into namespace " + report.namespace() + ": " + parts
                + (report.dryRun() ? " (dry run: nothing was written)" : "");
    }
}
