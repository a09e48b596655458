package io.vigil.access.security;

import io.vigil.access.api.Role;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a single sign-on identity gets its Vigil role ({@code vigil.access.oidc}); the provider itself is configured
 * with Spring's {@code spring.security.oauth2.client.registration.<id>.*} and {@code provider.<id>.issuer-uri}.
 *
 * @param roleClaim the ID token or user-info claim that carries the user's roles or groups: a string, a list of
 *     strings or a comma-separated string
 * @param roleMap claim values and the Vigil role each stands for ({@code fraud-team: analyst}); a value that is the
 *     name of a Vigil role ({@code operator}) stands for that role without an entry here
 * @param defaultRole the role of a user whose claim names no role; none (the default) refuses them sign-in
 */
@ConfigurationProperties("vigil.access.oidc")
public record OidcSettings(String roleClaim, Map<String, String> roleMap, String defaultRole) {

    public OidcSettings {
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "vigil_roles" : roleClaim.strip();
        Map<String, String> normalised = new TreeMap<>();
        if (roleMap != null) {
            roleMap.forEach((value, role) -> {
                Role.fromWireName(role)
                        .orElseThrow(() -> new IllegalArgumentException("vigil.access.oidc.role-map." + value
                                + " must be one of viewer, operator, analyst, approver, admin; got '" + role + "'"));
                normalised.put(
                        value.strip().toLowerCase(Locale.ROOT), role.strip().toLowerCase(Locale.ROOT));
            });
        }
        roleMap = Map.copyOf(normalised);
        defaultRole = defaultRole == null || defaultRole.isBlank() ? null : defaultRole.strip();
        if (defaultRole != null && Role.fromWireName(defaultRole).isEmpty()) {
            throw new IllegalArgumentException(
                    "vigil.access.oidc.default-role must be one of viewer, operator, analyst, approver, admin");
        }
    }

    /** The role a claim value stands for, if any. */
    Optional<Role> roleOf(String claimValue) {
        String value = claimValue.strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(roleMap.get(value))
                .or(() -> Optional.of(value))
                .flatMap(Role::fromWireName);
    }

    Optional<Role> defaultRoleOrNone() {
        return Optional.ofNullable(defaultRole).flatMap(Role::fromWireName);
    }
}
