package dev.skillbase.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run's process is started: inside bubblewrap ({@link #bubblewrap()}), or, when the user asks for it
 * explicitly, without isolation ({@link #none()}). Both put the manifest's limits on the process with
 * {@code prlimit}: address space (memory) and, in the sandbox, the number of processes. Immutable.
 */
public final class Sandbox {
    /** What to tell a user who has no sandbox. */
    public static final String HOW_TO_GET_ONE = "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; "
            + "Fedora: dnf install bubblewrap), or pass --unsandboxed to run the skill with your own rights";
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final List<Path> BWRAP = List.of(Path.of("/usr/bin/bwrap"), Path.of("/usr/local/bin/bwrap"),
            Path.of("/bin/bwrap"));
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    /** The unprivileged user a root caller's sandbox runs as, so that the process-count limit holds. */
    private static final String NOBODY = "65534";
    private static final long SHM_BYTES = 16L * 1024 * 1024;

    private final Optional<Path> bwrap;
    private final boolean asRoot;

    private Sandbox(Optional<Path> bwrap, boolean asRoot) {
        this.bwrap = bwrap;
        this.asRoot = asRoot;
    }

    /**
     * Bubblewrap when it is installed (with {@code prlimit} and, for root, {@code setpriv}, both from util-linux);
     * empty otherwise.
     */
    public static Optional<Sandbox> bubblewrap() {
        if (!Files.isExecutable(PRLIMIT)) {
            return Optional.empty();
        }
        boolean root = runningAsRoot();
        if (root && !Files.isExecutable(SETPRIV)) {
            return Optional.empty();
        }
        return BWRAP.stream().filter(Files::isExecutable).findFirst().map(path -> new Sandbox(Optional.of(path), root));
    }

    /** No isolation: the entry runs with the caller's rights, only with the limits. */
    public static Sandbox none() {
        return new Sandbox(Optional.empty(), false);
    }

    /** Whether the entry runs isolated. */
    public boolean isolated() {
        return bwrap.isPresent();
    }

    /** The command line that runs the manifest's command for a run in {@code folder}. */
    List<String> argv(RunFolder folder, RunManifest manifest) {
        List<String> argv = new ArrayList<>();
        if (bwrap.isEmpty()) {
            argv.addAll(limits(manifest, false));
            argv.addAll(manifest.command());
            return argv;
        }
        if (asRoot) {
            // RLIMIT_NPROC is not enforced for root (nor for a user namespace owned by root): drop to nobody first
            argv.addAll(List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        argv.addAll(List.of(bwrap.get().toString(),
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
                "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
                "--proc", "/proc", "--dev", "/dev",
                "--ro-bind", folder.bundle().toString(), "/skill",
                "--size", Long.toString(manifest.memoryBytes()), "--tmpfs", "/scratch",
                "--size", Long.toString(SHM_BYTES), "--tmpfs", "/dev/shm",
                // the sandbox's root is an in-memory folder: read-only, so nothing but /scratch takes writes
                "--remount-ro", "/",
                "--unshare-all", "--die-with-parent", "--new-session",
                "--clearenv", "--setenv", "PATH", PATH, "--setenv", "HOME", "/scratch",
                "--setenv", "TMPDIR", "/scratch", "--setenv", "LANG", "C.UTF-8",
                "--chdir", "/skill", "--"));
        argv.addAll(limits(manifest, true));
        argv.addAll(manifest.command());
        return argv;
    }

    /** The environment the started process gets (bubblewrap clears it again inside). */
    Map<String, String> environment(RunFolder folder) {
        String scratch = folder.scratch().toString();
        return Map.of("PATH", PATH, "HOME", scratch, "TMPDIR", scratch, "LANG", "C.UTF-8");
    }

    /** Where the process starts: the bundle (inside the sandbox it moves to {@code /skill}, the same bundle). */
    Path workingDirectory(RunFolder folder) {
        return folder.bundle();
    }

    private static List<String> limits(RunManifest manifest, boolean processes) {
        List<String> limits = new ArrayList<>(List.of(PRLIMIT.toString(), "--as=" + manifest.memoryBytes(),
                "--core=0", "--nofile=256"));
        if (processes) {
            limits.add("--nproc=" + manifest.maxProcesses());
        }
        limits.add("--");
        return limits;
    }

    private static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
