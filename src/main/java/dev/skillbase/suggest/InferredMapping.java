package dev.skillbase.suggest;

/**
 * A package a skill is about, as read from the skill itself.
 *
 * @param confidence 0-1, by where the package was found (metadata, name, tags, description)
 * @param reason where it was found, for people ({@code name mentions "react"})
 */
public record InferredMapping(PackageId pkg, double confidence, String reason) {
}
