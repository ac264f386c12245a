package dev.skillbase.cli;

import dev.skillbase.install.AgentCatalog;
import dev.skillbase.install.InstalledSkills;
import dev.skillbase.install.Places;
import java.io.PrintWriter;
import java.util.List;

/** {@code skillbase list --installed}: the skills in every agent's folders, managed by skillbase or not. */
final class InstalledList {
    private InstalledList() {
    }

    record InstalledJson(List<InstalledSkills.Seen> installed) {
    }

    static int print(Places places, boolean json, PrintWriter out) {
        List<InstalledSkills.Seen> seen = InstalledSkills.scan(AgentCatalog.builtIn(), places);
        if (json) {
            Json.print(out, new InstalledJson(seen));
            return ExitCodes.OK;
        }
        Table table = Table.of("SKILL", "SCOPE", "VERSION", "SOURCE", "AGENTS");
        for (InstalledSkills.Seen s : seen) {
            table.row(s.name(), s.scope(), s.version().orElse("-"), s.source().orElse("unmanaged"),
                    String.join(",", s.agents()));
        }
        table.print(out);
        out.println(seen.size() + " installed skill" + (seen.size() == 1 ? "" : "s"));
        out.flush();
        return ExitCodes.OK;
    }
}
