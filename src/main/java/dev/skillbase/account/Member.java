package dev.skillbase.account;

/** A user's membership of a namespace. */
public record Member(String user, Role role) {
}
