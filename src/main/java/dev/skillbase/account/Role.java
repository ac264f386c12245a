package dev.skillbase.account;

import java.util.Locale;

/** A user's role in a namespace: owners manage members and archive skills, maintainers publish and edit. */
public enum Role {
    OWNER,
    MAINTAINER,
    MEMBER;

    /** Owners and maintainers may publish and edit skills. */
    public boolean canPublish() {
        return this != MEMBER;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidAccountInputException naming {@code field} when the text is not a role */
    public static Role parse(String text, String field) {
        for (Role role : values()) {
            if (role.wire().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new InvalidAccountInputException(field, "invalid-role",
                field + " \"" + text + "\" is not one of owner, maintainer, member");
    }
}
