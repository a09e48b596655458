package io.vigil.access.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.access.api.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcRolesTest {

    private final OidcRoles roles =
            new OidcRoles(new OidcSettings("groups", Map.of("Fraud-Team", "analyst", "sre", "operator"), null));

    @Test
    void canMapAGroupThroughTheRoleMap() {
        assertThat(roles.roleOf(List.of("fraud-team"))).hasValue(Role.ANALYST);
    }

    @Test
    void canTakeARolesOwnNameWithoutAnEntry() {
        assertThat(roles.roleOf("approver")).hasValue(Role.APPROVER);
        assertThat(roles.roleOf(" Admin ")).hasValue(Role.ADMIN);
    }

    @Test
    void takesTheHighestRoleTheClaimNames() {
        assertThat(roles.roleOf(List.of("sre", "fraud-team", "staff"))).hasValue(Role.ANALYST);
        assertThat(roles.roleOf("sre,viewer")).hasValue(Role.OPERATOR);
    }

    @Test
    void cannotSignInWithoutARoleUnlessThereIsADefault() {
        assertThat(roles.roleOf(List.of("staff"))).isEmpty();
        assertThat(roles.roleOf(null)).isEmpty();
        OidcRoles withDefault = new OidcRoles(new OidcSettings(null, null, "viewer"));
        assertThat(withDefault.roleOf(List.of("staff"))).hasValue(Role.VIEWER);
    }

    @Test
    void refusesAMapToARoleThatDoesNotExist() {
        assertThatThrownBy(() -> new OidcSettings("groups", Map.of("sre", "superuser"), null))
                .hasMessageContaining("role-map.sre");
        assertThatThrownBy(() -> new OidcSettings("groups", null, "root")).hasMessageContaining("default-role");
    }
}
