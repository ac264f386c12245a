package dev.skillbase.sync;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a pull or sync did with every skill it looked at, sorted by folder then name. */
public record SyncReport(Path root, String namespace, boolean dryRun, List<SyncedSkill> skills) {

    public SyncReport {
        skills = skills.stream().sorted(Comparator.comparing(SyncedSkill::path)
                .thenComparing(s -> s.name().orElse(""))).toList();
    }

    /** How many skills got each action, in the actions' order, actions that no skill got left out. */
    public Map<SyncAction, Integer> counts() {
        Map<SyncAction, Integer> counts = new EnumMap<>(SyncAction.class);
        skills.forEach(skill -> counts.merge(skill.action(), 1, Integer::sum));
        return counts;
    }

    /** True when no skill was in conflict or skipped. */
    public boolean succeeded() {
        return skills.stream().noneMatch(skill -> skill.action().failed());
    }
}
