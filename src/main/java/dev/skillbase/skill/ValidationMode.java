package dev.skillbase.skill;

/**
 * STRICT applies the agentskills.io rules exactly (publishing); LENIENT does what real clients do (import,
 * sync, install from elsewhere): warns where STRICT fails, and skips a skill only when it cannot be read.
 */
public enum ValidationMode {
    STRICT,
    LENIENT
}
