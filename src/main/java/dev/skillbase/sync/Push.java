package dev.skillbase.sync;

import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.PublishResult;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.RegistryRejectedException;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes a folder of skills into a registry: every skill found is validated leniently, and a new version is
 * published only where the content digest differs from the latest published version (see {@link VersionChoice}).
 *
 * <p>Each skill is published in its own transaction, so a bad skill never loses the others and a push killed
 * half-way is completed by running it again. Two pushes racing on the same skills converge: the loser of a race
 * for a version number sees either the same content (unchanged) or a conflict, after which it plans once more
 * against what the winner published.
 */
public final class Push {
    private final Registry registry;
    private final SkillFolders folders;

    /**
     * @param registry where to publish; on a dry run only read
     * @param validator a lenient validator
     */
    public Push(Registry registry, Validator validator) {
        this.registry = registry;
        this.folders = new SkillFolders(validator);
    }

    /**
     * @throws NoSkillFoundException when {@code root} holds no skill
     * @throws dev.skillbase.skill.SkillPathException when {@code root} does not exist or cannot be read
     */
    public PushReport push(Path root, PushOptions options) {
        List<PushedSkill> pushed = new ArrayList<>();
        for (Candidate candidate : folders.read(root, options.namespace())) {
            pushed.add(candidate.publishable() ? publish(candidate, options) : candidate.unpublished());
        }
        return new PushReport(root, options.namespace(), options.dryRun(), pushed);
    }

    /** One skill, as {@link #push} publishes each: also the hook through which a sync pushes the skills it chose. */
    PushedSkill publish(Candidate candidate, PushOptions options) {
        try {
            return publishOnceOrRejected(candidate, options);
        } catch (VersionConflictException raced) {
            try {
                return publishOnceOrRejected(candidate, options);
            } catch (VersionConflictException again) {
                again.addSuppressed(raced);
                return new PushedSkill(candidate.path(), candidate.ref(), PushedSkill.Outcome.CONFLICT,
                        Optional.empty(), Optional.empty(), candidate.taxonomyPath(), candidate.warnings(),
                        List.of("version: " + again.getMessage()));
            }
        }
    }

    /**
     * A registry server validates strictly what a push validated leniently: a skill it rejects is skipped with the
     * server's reasons, and the push goes on with the others.
     */
    private PushedSkill publishOnceOrRejected(Candidate candidate, PushOptions options) {
        try {
            return publishOnce(candidate, options);
        } catch (RegistryRejectedException rejected) {
            List<String> reasons = new ArrayList<>();
            reasons.add(rejected.getMessage().lines().findFirst().orElse("rejected by the registry"));
            reasons.addAll(rejected.errors());
            return new PushedSkill(candidate.path(), candidate.ref(), PushedSkill.Outcome.SKIPPED, Optional.empty(),
                    Optional.empty(), candidate.taxonomyPath(), candidate.warnings(), reasons);
        }
    }

    private PushedSkill publishOnce(Candidate candidate, PushOptions options) {
        SkillRef ref = candidate.ref().orElseThrow();
        Bundle bundle = candidate.bundle().orElseThrow();
        List<VersionInfo> published = registry.versions(ref);
        Optional<String> latest = published.stream().findFirst().map(VersionInfo::version);
        boolean same = !published.isEmpty() && published.getFirst().contentDigest().equals(bundle.contentDigest());
        if (same && !options.force()) {
            PushedSkill unchanged = entry(candidate, PushedSkill.Outcome.UNCHANGED, latest, latest);
            return movedWarning(candidate, ref).map(warning -> withWarning(unchanged, warning)).orElse(unchanged);
        }
        String version = VersionChoice.next(candidate.declaredVersion(), published);
        PushedSkill.Outcome outcome = published.isEmpty() ? PushedSkill.Outcome.ADDED : PushedSkill.Outcome.UPDATED;
        if (options.dryRun()) {
            return entry(candidate, outcome, Optional.of(version), latest);
        }
        PublishResult result = registry.publish(new PublishRequest(ref, version, candidate.document().orElseThrow(),
                bundle, candidate.taxonomyPath(), candidate.document().orElseThrow().frontmatter().tags(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        if (result.outcome() == PublishResult.Outcome.UNCHANGED) {
            // a concurrent push published this very version with this very content first
            return entry(candidate, PushedSkill.Outcome.UNCHANGED, Optional.of(result.version()), latest);
        }
        return entry(candidate, outcome, Optional.of(result.version()), latest);
    }

    /** An unchanged skill whose folder moved keeps its old taxonomy path until it is published again. */
    private Optional<String> movedWarning(Candidate candidate, SkillRef ref) {
        return registry.skill(ref)
                .map(skill -> skill.taxonomyPath())
                .filter(stored -> !stored.equals(candidate.taxonomyPath()))
                .map(stored -> "taxonomy: the database still files " + ref + " under '" + stored
                        + "' (its content is unchanged): push with --force to record '" + candidate.taxonomyPath()
                        + "'");
    }

    private static PushedSkill withWarning(PushedSkill skill, String warning) {
        List<String> warnings = new ArrayList<>(skill.warnings());
        warnings.add(warning);
        return new PushedSkill(skill.path(), skill.ref(), skill.outcome(), skill.version(), skill.previousVersion(),
                skill.taxonomyPath(), warnings, skill.reasons());
    }

    private static PushedSkill entry(
            Candidate candidate, PushedSkill.Outcome outcome, Optional<String> version, Optional<String> previous) {
        return new PushedSkill(candidate.path(), candidate.ref(), outcome, version, previous,
                candidate.taxonomyPath(), candidate.warnings(), List.of());
    }
}
