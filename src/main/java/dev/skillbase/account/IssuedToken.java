package dev.skillbase.account;

/** A token just created: the secret is here once and is never stored or shown again. */
public record IssuedToken(String secret, TokenInfo info) {
    @Override
    public String toString() {
        return "IssuedToken[" + info + "]";
    }
}
