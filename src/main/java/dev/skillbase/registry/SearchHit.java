package dev.skillbase.registry;

/** A search result: the skill and its relevance (higher is better; comparable within one result page only). */
public record SearchHit(SkillSummary skill, double score) {
}
