package dev.skillbase.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one process to its end under a wall-clock timeout and an output cap: writes the input to its stdin, reads at
 * most the cap from stdout and the tail of stderr, and kills the whole process tree with SIGKILL (which no process
 * can ignore) at the timeout or as soon as stdout passes the cap.
 */
final class BoundedProcess {
    static final int STDERR_TAIL_BYTES = 4096;
    /** How long the readers may take to drain after the process tree is gone. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private BoundedProcess() {
    }

    static ProcessOutcome run(List<String> argv, Path directory, Map<String, String> env, byte[] stdin,
            Duration timeout, long maxStdout) {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv.getFirst(), e);
        }
        try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
            io.submit(() -> feed(process.getOutputStream(), stdin));
            Future<Capped> stdout = io.submit(() -> readCapped(process.getInputStream(), maxStdout, process));
            Future<byte[]> stderr = io.submit(() -> readTail(process.getErrorStream()));
            boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                killTree(process);
            }
            Capped out = drained(stdout, process);
            byte[] err = drained(stderr, process);
            process.waitFor();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            boolean killed = !finished || out.overflow();
            return new ProcessOutcome(killed ? Optional.empty() : Optional.of(process.exitValue()), out.bytes(),
                    out.overflow(), !finished, Captured.text(err, err.length), elapsed);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.getFirst(), e);
        }
    }

    /** SIGKILL to every descendant, then to the process (bubblewrap's namespace dies with its first process). */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private record Capped(byte[] bytes, boolean overflow) {
    }

    private static Void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            stdin.write(input);
        } catch (IOException e) {
            // the process closed its stdin or ended before reading it all: what it read is what it got
        }
        return null;
    }

    private static Capped readCapped(InputStream stdout, long max, Process process) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stdout) {
            int read;
            while ((read = stdout.read(buffer)) >= 0) {
                if (kept.size() + (long) read > max) {
                    kept.write(buffer, 0, (int) (max - kept.size()));
                    killTree(process);
                    return new Capped(kept.toByteArray(), true);
                }
                kept.write(buffer, 0, read);
            }
        }
        return new Capped(kept.toByteArray(), false);
    }

    private static byte[] readTail(InputStream stderr) throws IOException {
        byte[] tail = new byte[STDERR_TAIL_BYTES];
        int size = 0;
        byte[] buffer = new byte[8192];
        try (stderr) {
            int read;
            while ((read = stderr.read(buffer)) >= 0) {
                if (read >= tail.length) {
                    System.arraycopy(buffer, read - tail.length, tail, 0, tail.length);
                    size = tail.length;
                } else {
                    int keep = Math.min(size, tail.length - read);
                    System.arraycopy(tail, size - keep, tail, 0, keep);
                    System.arraycopy(buffer, 0, tail, keep, read);
                    size = keep + read;
                }
            }
        }
        return Arrays.copyOf(tail, size);
    }

    /** The reader's result; a reader still blocked after the tree is gone (an escaped child) is cut off. */
    private static <T> T drained(Future<T> reader, Process process) throws InterruptedException {
        try {
            return reader.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            killTree(process);
            closeQuietly(process);
            try {
                return reader.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException again) {
                throw new IllegalStateException("the process's output could not be read to its end", again);
            }
        } catch (ExecutionException e) {
            throw new UncheckedIOException("cannot read the process's output",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException e) {
            // closing to unblock a reader; nothing else to do
        }
    }
}
