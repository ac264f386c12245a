package dev.skillbase.cli;

import dev.skillbase.install.LockEntry;
import dev.skillbase.install.Lockfile;
import dev.skillbase.registry.NewInstallation;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.RegistryAuthException;
import dev.skillbase.registry.RegistryRejectedException;
import dev.skillbase.registry.RegistryUnavailableException;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.Version;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells the registry server what {@code install}, {@code update} and {@code uninstall} did: each skill installed from
 * that server (lockfile kind {@code registry}), for each of its agents, in the command's scope, with whether it follows
 * new versions (installed with a range or a tag rather than an exact version). Nothing is sent without a registry
 * server, without a token, or with {@code --no-record}.
 *
 * <p>This runs after the files are in place and the lockfile written, so a failure to record does not undo or fail
 * the command: each one is a warning on stderr naming the skill and the reason, and the command still exits 0.
 */
final class InstallRecorder implements AutoCloseable {
    private final Optional<Registry> server;
    private final PrintWriter err;

    private InstallRecorder(Optional<Registry> server, PrintWriter err) {
        this.server = server;
        this.err = err;
    }

    /**
     * Opens the server's client (nothing is sent yet) unless {@code --no-record}: call it before changing any file,
     * so that a malformed {@code --registry} fails the command before anything is done. Close it after.
     *
     * @throws dev.skillbase.registry.InvalidRegistryUrlException when the server's URL is malformed
     */
    static InstallRecorder open(Supplier<Optional<Registry>> server, RecordOption option, PrintWriter err) {
        return new InstallRecorder(option.noRecord ? Optional.empty() : server.get(), err);
    }

    /** Records the lockfile's entries of {@code names} that came from a registry. */
    void installed(Lockfile lock, Collection<String> names) {
        each(names.stream().flatMap(n -> lock.entry(n).stream().map(e -> Map.entry(n, e))).toList(),
                "is installed for %s, but the registry did not record it: ",
                (registry, ref, name, entry, agent) -> registry.recordInstallation(ref, new NewInstallation(
                        entry.version(), agent, entry.scope(), followsNewVersions(entry))));
    }

    /** Removes the recorded installations of entries just uninstalled. */
    void uninstalled(Map<String, LockEntry> removed) {
        each(removed.entrySet().stream().toList(),
                "is uninstalled for %s, but the registry did not remove its record: ",
                (registry, ref, name, entry, agent) -> registry.removeInstallation(ref, agent, entry.scope()));
    }

    @FunctionalInterface
    private interface Call {
        void send(Registry registry, SkillRef ref, String name, LockEntry entry, String agent);
    }

    private void each(Collection<Map.Entry<String, LockEntry>> entries, String warning, Call call) {
        if (server.isEmpty()) {
            return;
        }
        Registry registry = server.get();
        for (Map.Entry<String, LockEntry> e : entries) {
            if (!e.getValue().kind().equals(LockEntry.REGISTRY)) {
                continue;
            }
            String[] parts = e.getValue().source().split("/", 2);
            SkillRef ref = new SkillRef(parts[0], parts[1]);
            for (String agent : e.getValue().agents()) {
                try {
                    call.send(registry, ref, e.getKey(), e.getValue(), agent);
                } catch (RegistryUnavailableException | RegistryAuthException | RegistryRejectedException
                        | VersionConflictException failure) {
                    err.println("warning: " + e.getKey() + " (" + ref + ") " + warning.formatted(agent)
                            + failure.getMessage());
                }
            }
        }
        err.flush();
    }

    @Override
    public void close() {
        server.ifPresent(Registry::close);
    }

    /** Installed with a range or a tag (update moves it), not an exact version. */
    private static boolean followsNewVersions(LockEntry entry) {
        try {
            Version.parse(entry.requested());
            return false;
        } catch (InvalidVersionException e) {
            return true;
        }
    }
}
