package dev.skillbase.sync;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of a push, one entry per skill folder found, in path order. */
public record PushReport(Path root, String namespace, boolean dryRun, List<PushedSkill> skills) {

    public PushReport {
        skills = List.copyOf(skills);
    }

    /** How many skills had each outcome; every outcome is present (0 when none). */
    public Map<PushedSkill.Outcome, Integer> counts() {
        Map<PushedSkill.Outcome, Integer> counts = new EnumMap<>(PushedSkill.Outcome.class);
        for (PushedSkill.Outcome outcome : PushedSkill.Outcome.values()) {
            counts.put(outcome, 0);
        }
        skills.forEach(skill -> counts.merge(skill.outcome(), 1, Integer::sum));
        return counts;
    }

    public int count(PushedSkill.Outcome outcome) {
        return counts().get(outcome);
    }

    /** True when every skill was added, updated or unchanged. */
    public boolean succeeded() {
        return skills.stream().noneMatch(PushedSkill::failed);
    }
}
