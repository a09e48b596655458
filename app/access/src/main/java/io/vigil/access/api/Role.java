package io.vigil.access.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A console user's role. The roles are ordered: each may do what the ones before it may, and more.
 *
 * <ul>
 *   <li>{@link #VIEWER} reads every page and acts on nothing;
 *   <li>{@link #OPERATOR} acts on monitors and alerts;
 *   <li>{@link #ANALYST} writes patterns and lists and works reviews;
 *   <li>{@link #APPROVER} approves changes made by someone else;
 *   <li>{@link #ADMIN} manages users, API keys and settings, and reads the audit trail.
 * </ul>
 */
public enum Role {
    VIEWER,
    OPERATOR,
    ANALYST,
    APPROVER,
    ADMIN;

    /** The name used in settings, forms and the database: {@code viewer}, {@code operator}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of this role ({@code ROLE_OPERATOR}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether this role may do what {@code other} may. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role of a wire name, whatever its case. */
    public static Optional<Role> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(role -> role.name().equals(wanted))
                .findFirst();
    }
}
