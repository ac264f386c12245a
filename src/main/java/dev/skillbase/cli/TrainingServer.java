package dev.skillbase.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code skillbase serve} in a child JVM, for the {@link AotTraining} commands that talk to a registry server: the
 * training process is the one whose classes go into the AOT cache, so the server runs in another process and only
 * the client's classes (HTTP client, TLS set-up, JSON) are recorded. It listens on a free port of 127.0.0.1, on an
 * SQLite file of the training folder, and accepts anonymous publishes. Also creates the training's own database in a
 * child process ({@link #createDatabase}).
 */
final class TrainingServer implements AutoCloseable {
    private static final String LISTENING = "skillbase listening on ";
    private static final long START_SECONDS = 120;
    private static final long STOP_SECONDS = 30;

    private final Process process;
    private final String url;

    private TrainingServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:40123}. */
    String url() {
        return url;
    }

    /**
     * Starts the server with {@code env} added to its environment, on the database {@code db}, and waits until it
     * listens.
     *
     * @throws IllegalStateException when it exits, or does not listen within two minutes; its output is in the message
     */
    static TrainingServer start(Map<String, String> env, Path db) {
        Process process = skillbase(env, "serve", "--host", "127.0.0.1", "--port", "0", "--db", "sqlite:" + db,
                "--allow-anonymous-publish");
        StringBuilder output = new StringBuilder();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("training-server-output").start(() -> drain(process, output, listening));
        try {
            return new TrainingServer(process, listening.get(START_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String text;
            synchronized (output) {
                text = output.toString();
            }
            throw new IllegalStateException("the training server did not start:\n" + text, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the training server started", e);
        }
    }

    /**
     * Creates the SQLite database {@code db} with its schema in a child process, so that the migrations' classes
     * (used once per database) stay out of the cache that every command loads.
     *
     * @throws IllegalStateException when that fails; the child's output is in the message
     */
    static void createDatabase(Map<String, String> env, Path db) {
        Process process = skillbase(env, "stats", "--db", "sqlite:" + db);
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != ExitCodes.OK) {
                throw new IllegalStateException("cannot create the training database " + db + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of the process creating " + db, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the training database " + db, e);
        }
    }

    /** Starts {@code skillbase ARGS} in a child JVM on this one's class path, its output and errors merged. */
    private static Process skillbase(Map<String, String> env, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + java + " for skillbase " + args[0], e);
        }
    }

    /** Reads the server's output to its end (so that it never blocks on a full pipe), noting the URL it listens on. */
    private static void drain(Process process, StringBuilder output, CompletableFuture<String> listening) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.startsWith(LISTENING)) {
                    listening.complete(line.substring(LISTENING.length()).strip());
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("the server exited"));
    }

    /** Stops the server as Ctrl-C would, and kills it when it is not gone after 30 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
