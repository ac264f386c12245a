package dev.skillbase.registry;

/** The outcome of {@link Registry#publish}. */
public record PublishResult(SkillRef ref, String version, Outcome outcome, VersionInfo info) {
    public enum Outcome {
        /** the version was new and is now stored */
        CREATED,
        /** the version already existed with the same content digest; nothing was written */
        UNCHANGED
    }
}
