package dev.skillbase.cli;

import dev.skillbase.registry.InvalidRegistryUrlException;
import dev.skillbase.registry.RegistryAuthException;
import dev.skillbase.registry.RegistryRejectedException;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.server.InvalidSettingException;
import dev.skillbase.skill.SkillPathException;
import dev.skillbase.store.InvalidDatabaseUrlException;
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
                || failure instanceof SkillPathException) {
            return USAGE;
        }
        if (failure instanceof InvalidInputException || failure instanceof NoSkillFoundException) {
            return INVALID;
        }
        // storage: a malformed --db is usage; a version conflict is input; unreachable/read-only/locked falls through
        if (failure instanceof InvalidDatabaseUrlException || failure instanceof InvalidSettingException) {
            return USAGE;
        }
        if (failure instanceof VersionConflictException) {
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
        if (failure instanceof RegistryAuthException) {
            return ENVIRONMENT;
        }
        return ENVIRONMENT;
    }
}
