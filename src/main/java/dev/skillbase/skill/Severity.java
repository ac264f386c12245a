package dev.skillbase.skill;

/** How bad a {@link Problem} is: an error makes a skill invalid, a warning does not. */
public enum Severity {
    ERROR,
    WARNING
}
