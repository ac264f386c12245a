package dev.skillbase.skill;

/**
 * An uploaded archive that expands too far: more entries than allowed, or decompressed bytes beyond the bundle's
 * size or beyond the compression ratio a real skill reaches (a decompression bomb). Reading stopped at the limit.
 */
public final class ArchiveTooLargeException extends UnsafeArchiveException {
    public ArchiveTooLargeException(String entry, String code, String message) {
        super(entry, code, message);
    }
}
