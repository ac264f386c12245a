package dev.skillbase.cli;

import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code show} for people: aligned key/value lines, then the files as a table. */
final class ShowText {
    private static final int KEY = 13;

    private ShowText() {
    }

    static void print(ShowCommand.Shown shown, boolean files, PrintWriter out) {
        SkillDetails skill = shown.skill();
        VersionInfo version = shown.version().info();
        line(out, "skill", skill.ref().toString());
        line(out, "title", skill.title());
        line(out, "description", Table.shorten(skill.description(), Table.WIDTH - KEY));
        line(out, "taxonomy", skill.taxonomyPath().isEmpty() ? "-" : skill.taxonomyPath());
        line(out, "status", skill.status() + ", " + skill.visibility());
        line(out, "tags", skill.tags().isEmpty() ? "-" : String.join(", ", skill.tags()));
        skill.license().ifPresent(license -> line(out, "license", license));
        skill.sourceUrl().ifPresent(url -> line(out, "source", url));
        skill.homepage().ifPresent(url -> line(out, "homepage", url));
        line(out, "installs", String.format(Locale.ROOT, "%,d", skill.installs()));
        if (skill.executions() > 0) {
            line(out, "runs", String.format(Locale.ROOT, "%,d (%.0f%% succeeded)", skill.executions(),
                    100.0 * skill.executionsSucceeded() / skill.executions()));
        }
        long reviews = skill.rating().count();
        line(out, "rating", skill.rating().average().map(a -> String.format(Locale.ROOT, "%.2f of 5 (%,d review%s)", a,
                reviews, reviews == 1 ? "" : "s")).orElse("-"));
        line(out, "versions", String.join(", ", shown.versions()));
        line(out, "updated", skill.updatedAt().toString());
        line(out, "version", version.version() + (version.yanked() ? " (yanked)" : "")
                + skill.latest().filter(latest -> latest.version().equals(version.version()))
                        .map(latest -> " (latest)").orElse(""));
        line(out, "published", version.publishedAt() + version.publishedBy().map(by -> " by " + by).orElse(""));
        line(out, "files", version.fileCount() + " files, " + Sizes.human(version.size()));
        line(out, "content", version.contentDigest());
        line(out, "archive", version.archiveDigest());
        if (files) {
            out.println();
            Table table = Table.of("PATH", "SIZE", "EXEC", "DIGEST").cap(0, 50);
            for (VersionDetails.FileEntry file : shown.version().files()) {
                table.row(file.path(), String.valueOf(file.size()), file.executable() ? "x" : "-", file.digest());
            }
            table.print(out);
        }
        out.flush();
    }

    private static void line(PrintWriter out, String key, String value) {
        out.println(String.format(Locale.ROOT, "%-" + KEY + "s%s", key, value));
    }
}
