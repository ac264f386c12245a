package dev.skillbase.registry;

/** A review that does not exist (or not for this skill). */
public final class ReviewNotFoundException extends RuntimeException {
    public ReviewNotFoundException(SkillRef skill, long id) {
        super("skill " + skill + " has no review " + id);
    }
}
