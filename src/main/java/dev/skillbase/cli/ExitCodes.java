package dev.skillbase.cli;

import dev.skillbase.account.AccountConflictException;
import dev.skillbase.account.InvalidAccountInputException;
import dev.skillbase.account.NamespaceNotFoundException;
import dev.skillbase.account.TokenNotFoundException;
import dev.skillbase.account.UserNotFoundException;
import dev.skillbase.exec.ExecutionStatus;
import dev.skillbase.exec.InvalidRunManifestException;
import dev.skillbase.exec.NotExecutableException;
import dev.skillbase.install.DigestMismatchException;
import dev.skillbase.install.InstallConflictException;
import dev.skillbase.install.InvalidSourceException;
import dev.skillbase.install.LockfileException;
import dev.skillbase.install.NoAgentException;
import dev.skillbase.install.NoMatchingVersionException;
import dev.skillbase.install.SourceNotFoundException;
import dev.skillbase.install.UnknownAgentException;
import dev.skillbase.registry.InvalidRegistryUrlException;
import dev.skillbase.registry.InvalidReviewException;
import dev.skillbase.registry.ReviewNotFoundException;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.NoSuchVersionException;
import dev.skillbase.registry.RegistryAuthException;
import dev.skillbase.registry.RegistryRejectedException;
import dev.skillbase.registry.SkillExistsException;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.server.InvalidSettingException;
import dev.skillbase.skill.InvalidSkillNameException;
import dev.skillbase.skill.SkillPathException;
import dev.skillbase.skill.UnsafeArchiveException;
import dev.skillbase.store.InvalidDatabaseUrlException;
import dev.skillbase.suggest.InvalidPackageException;
import dev.skillbase.suggest.ManifestException;
import dev.skillbase.sync.NoSkillFoundException;
import picocli.CommandLine.ParameterException;

/**
 * The one place that maps failures to exit codes. Commands throw; they never choose an exit code for an
 * exception themselves.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input was invalid: validation failed, a conflict. */
    public static final int INVALID = 1;
    /** Usage error: unknown option, bad argument, malformed setting. */
    public static final int USAGE = 2;
    /** Environment error: database or registry unreachable, credentials refused, file not writable. */
    public static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }

    /** The exit code for a failure that escaped a command. */
    public static int of(Throwable failure) {
        if (failure instanceof ParameterException || failure instanceof UsageException
                || failure instanceof SkillPathException || failure instanceof InvalidPackageException) {
            return USAGE;
        }
        if (failure instanceof InvalidInputException || failure instanceof NoSkillFoundException
                || failure instanceof ManifestException) {
            return INVALID;
        }
        // storage: a malformed --db is usage; a version conflict is input; unreachable/read-only/locked falls through
        if (failure instanceof InvalidDatabaseUrlException || failure instanceof InvalidSettingException) {
            return USAGE;
        }
        if (failure instanceof InvalidReviewException || failure instanceof ReviewNotFoundException) {
            return INVALID;
        }
        if (failure instanceof VersionConflictException || failure instanceof SkillExistsException
                || failure instanceof NoSuchSkillException || failure instanceof NoSuchVersionException) {
            return INVALID;
        }
        // accounts: a malformed name, role, scope or expiry is usage; what clashes with the data is input
        if (failure instanceof InvalidAccountInputException) {
            return USAGE;
        }
        if (failure instanceof AccountConflictException || failure instanceof UserNotFoundException
                || failure instanceof NamespaceNotFoundException || failure instanceof TokenNotFoundException) {
            return INVALID;
        }
        // a registry server: a malformed --registry is usage; what it rejects as bad input is input; refused
        // credentials are the environment's to fix (a token), like an unreachable server
        if (failure instanceof InvalidRegistryUrlException) {
            return USAGE;
        }
        if (failure instanceof RegistryRejectedException) {
            return INVALID;
        }
        // installs: a bad agent, source or skill name on the command line is usage; what clashes with what is
        // installed, what the registry does not hold and what fails its digest is input; a folder that cannot be
        // written is the environment's
        if (failure instanceof UnknownAgentException || failure instanceof InvalidSourceException
                || failure instanceof NoAgentException || failure instanceof InvalidSkillNameException) {
            return USAGE;
        }
        if (failure instanceof InstallConflictException || failure instanceof NoMatchingVersionException
                || failure instanceof SourceNotFoundException || failure instanceof DigestMismatchException
                || failure instanceof LockfileException || failure instanceof UnsafeArchiveException) {
            // an archive that fails its safety checks (traversal, links, bombs, too large) is bad input, like a
            // digest mismatch: nothing was written
            return INVALID;
        }
        // runs: a run that was refused for want of a sandbox is the environment's to fix; any other failed run, and
        // a skill that declares no entry or a broken one, is input
        if (failure instanceof RunFailedException run) {
            return run.status() == ExecutionStatus.REFUSED ? ENVIRONMENT : INVALID;
        }
        if (failure instanceof NotExecutableException || failure instanceof InvalidRunManifestException) {
            return INVALID;
        }
        if (failure instanceof RegistryAuthException) {
            return ENVIRONMENT;
        }
        return ENVIRONMENT;
    }
}
