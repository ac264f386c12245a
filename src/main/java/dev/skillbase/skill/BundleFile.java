package dev.skillbase.skill;

/** One file of a bundle: its relative path with '/' separators, its bytes, and whether it is executable. */
public record BundleFile(String path, byte[] content, boolean executable) {
}
