package dev.skillbase.cli;

import dev.skillbase.sync.SyncReport;
import dev.skillbase.sync.SyncedSkill;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} document of a pull or sync. */
record SyncJson(String root, String namespace, boolean dryRun, boolean succeeded, Map<String, Integer> counts,
        List<SkillJson> skills) {

    static SyncJson of(SyncReport report) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((action, count) -> counts.put(JsonViews.lower(action), count));
        return new SyncJson(report.root().toString(), report.namespace(), report.dryRun(), report.succeeded(), counts,
                report.skills().stream().map(SkillJson::of).toList());
    }

    record SkillJson(String name, String path, String action, String localDigest, String remoteDigest,
            String baseDigest, String version, List<String> reasons) {
        static SkillJson of(SyncedSkill s) {
            return new SkillJson(s.name().orElse(null), s.path(), JsonViews.lower(s.action()),
                    s.localDigest().orElse(null), s.remoteDigest().orElse(null), s.baseDigest().orElse(null),
                    s.version().orElse(null), s.reasons());
        }
    }
}
