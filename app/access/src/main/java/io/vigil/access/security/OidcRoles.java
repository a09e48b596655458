package io.vigil.access.security;

import io.vigil.access.api.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Vigil role of a single sign-on identity: the highest role its claim names (through {@link OidcSettings#roleMap()}
 * or by a role's own name), else the default role, else none.
 */
final class OidcRoles {

    private final OidcSettings settings;

    OidcRoles(OidcSettings settings) {
        this.settings = settings;
    }

    Optional<Role> roleOf(Object claim) {
        return values(claim).stream()
                .map(settings::roleOf)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .or(settings::defaultRoleOrNone);
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            many.stream().filter(v -> v != null).map(Object::toString).forEach(values::add);
        } else if (claim != null) {
            for (String value : claim.toString().split(",")) {
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
