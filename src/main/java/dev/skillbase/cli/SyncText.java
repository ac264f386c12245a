package dev.skillbase.cli;

import dev.skillbase.sync.SyncAction;
import dev.skillbase.sync.SyncReport;
import dev.skillbase.sync.SyncedSkill;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A pull or sync for people: one line per skill that is not unchanged, printed as soon as it is done (so a long pull
 * shows progress), with its reasons below it, then a summary.
 */
final class SyncText {
    private SyncText() {
    }

    static Consumer<SyncedSkill> progress(String namespace, PrintWriter out) {
        return skill -> {
            if (skill.action() == SyncAction.UNCHANGED) {
                return;
            }
            out.printf("%-17s %-40s %-10s %s%n", label(skill.action()),
                    skill.name().map(name -> namespace + "/" + name).orElse("-"), skill.version().orElse("-"),
                    skill.path().isEmpty() ? "." : skill.path());
            skill.reasons().forEach(reason -> out.println("      " + reason));
            out.flush();
        };
    }

    static void summary(SyncReport report, String verb, PrintWriter out) {
        String parts = report.counts().entrySet().stream()
                .map(entry -> entry.getValue() + " " + label(entry.getKey()))
                .collect(Collectors.joining(", "));
        out.println(verb + " " + report.root() + " with namespace " + report.namespace() + ": "
                + report.skills().size() + " skills" + (parts.isEmpty() ? "" : ", " + parts)
                + (report.dryRun() ? " (dry run: nothing was written)" : ""));
        out.flush();
    }

    static String label(SyncAction action) {
        return JsonViews.lower(action).replace('_', ' ');
    }
}
