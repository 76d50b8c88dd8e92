package io.camelenos.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * One user of the app's API: a name, the SHA-256 of its password (the password itself is not kept) and its roles.
 * Passwords are compared in constant time.
 */
public final class ApiUser {

    private final String name;
    private final byte[] passwordDigest;
    private final Set<String> roles;

    ApiUser(String name, String password, Set<String> roles) {
        this.name = name;
        this.passwordDigest = sha256(password);
        this.roles = Set.copyOf(roles);
    }

    public String name() {
        return name;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Whether these are this user's name and password. */
    boolean matches(String user, char[] password) {
        return name.equals(user) && MessageDigest.isEqual(passwordDigest, sha256(new String(password)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
