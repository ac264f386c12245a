package dev.skillbase.install;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code skillbase.lock}: the installed skills by name, as JSON with sorted keys and a final newline, so the same
 * installations always give the same bytes (and diff cleanly). Immutable; written atomically (a temporary file in
 * the same folder, then a rename), so a reader never sees half a lockfile.
 */
@JsonPropertyOrder({"lockfileVersion", "skills"})
public record Lockfile(int lockfileVersion, SortedMap<String, LockEntry> skills) {
    public static final int FORMAT = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public Lockfile {
        skills = new TreeMap<>(skills);
    }

    public static Lockfile empty() {
        return new Lockfile(FORMAT, new TreeMap<>());
    }

    /**
     * The lockfile at {@code file}, or an empty one when there is none.
     *
     * @throws LockfileException when the file is not a lockfile this skillbase can read
     */
    public static Lockfile read(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        Lockfile lock;
        try {
            lock = MAPPER.readValue(Files.readAllBytes(file), Lockfile.class);
        } catch (IOException | JacksonException e) {
            throw new LockfileException("cannot read the lockfile " + file + ": " + e.getMessage()
                    + " (restore it from version control, or delete it and install again)", e);
        }
        if (lock.lockfileVersion() != FORMAT || lock.skills() == null) {
            throw new LockfileException("the lockfile " + file + " has format version " + lock.lockfileVersion()
                    + "; this skillbase reads version " + FORMAT);
        }
        return lock;
    }

    public Optional<LockEntry> entry(String name) {
        return Optional.ofNullable(skills.get(name));
    }

    public Lockfile with(String name, LockEntry entry) {
        SortedMap<String, LockEntry> changed = new TreeMap<>(skills);
        changed.put(name, entry);
        return new Lockfile(FORMAT, changed);
    }

    public Lockfile without(String name) {
        SortedMap<String, LockEntry> changed = new TreeMap<>(skills);
        changed.remove(name);
        return new Lockfile(FORMAT, changed);
    }

    /** The exact bytes this lockfile is written as. */
    public byte[] bytes() {
        return (MAPPER.writeValueAsString(this).replace("\r\n", "\n") + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether both record the same installations, whatever their install times. */
    public boolean sameAs(Lockfile other) {
        if (!skills.keySet().equals(other.skills.keySet())) {
            return false;
        }
        for (Map.Entry<String, LockEntry> e : skills.entrySet()) {
            if (!e.getValue().sameAs(other.skills.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes this lockfile to {@code file} atomically; an empty lockfile removes the file.
     *
     * @throws LockfileException when the folder cannot be written
     */
    public void write(Path file) {
        try {
            if (skills.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, bytes());
        } catch (IOException e) {
            throw new LockfileException("cannot write the lockfile " + file + ": " + e.getMessage(), e);
        }
    }
}
