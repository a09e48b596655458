package io.vigil.access.security;

import io.vigil.access.api.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on with OpenID Connect: the provider vouches for who the user is, {@link OidcSettings} turns its role
 * claim into a Vigil role. Each such user is kept in {@code access_user} (origin {@code oidc}, no password) so that
 * admins see them beside local users and can disable them in Vigil whatever the provider says; a name already taken by
 * a local user is refused rather than merged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcSettings.class)
class OidcSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> vigilOidcUserService(OidcSettings settings, JdbcTemplate jdbc) {
        OidcUserService provider = new OidcUserService();
        OidcRoles roles = new OidcRoles(settings);
        return request -> {
            try {
                return signIn(provider, roles, settings, jdbc, request);
            } catch (OAuth2AuthenticationException refused) {
                throw refused;
            } catch (RuntimeException e) {
                LOG.warn("Single sign-on failed: {}", e.toString());
                throw e;
            }
        };
    }

    private static OidcUser signIn(
            OidcUserService provider,
            OidcRoles roles,
            OidcSettings settings,
            JdbcTemplate jdbc,
            OidcUserRequest request) {
        {
            OidcUser user = provider.loadUser(request);
            String username = usernameOf(user);
            Role role = roles.roleOf(user.getClaims().get(settings.roleClaim()))
                    .orElseThrow(() -> refused(
                            "no_vigil_role",
                            username + " has no Vigil role: the claim '" + settings.roleClaim()
                                    + "' names none (ask an admin, see vigil.access.oidc)"));
            record(jdbc, username, user.getFullName(), role);
            String nameKey = user.getClaims().containsKey("preferred_username") ? "preferred_username" : "sub";
            return new DefaultOidcUser(
                    List.of(new SimpleGrantedAuthority(role.authority())),
                    user.getIdToken(),
                    user.getUserInfo(),
                    nameKey);
        }
    }

    static String usernameOf(OidcUser user) {
        String name = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        if (name == null || name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw refused("invalid_username", "the provider's user name is missing, too long or not printable");
        }
        return name;
    }

    /** Creates or updates the user's row; refuses a name of a local user and a user an admin disabled. */
    static void record(JdbcTemplate jdbc, String username, String displayName, Role role) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO access_user (username, display_name, role, origin, created_at, created_by, updated_at,"
                        + " last_sign_in_at) VALUES (?, ?, ?, 'oidc', ?, 'single sign-on', ?, ?)"
                        + " ON CONFLICT (username) DO UPDATE SET role = excluded.role,"
                        + " display_name = excluded.display_name, updated_at = excluded.updated_at,"
                        + " last_sign_in_at = excluded.last_sign_in_at WHERE access_user.origin = 'oidc'",
                username,
                displayName,
                role.wireName(),
                now,
                now,
                now);
        List<String> row = jdbc.query(
                "SELECT origin || ':' || enabled FROM access_user WHERE username = ?",
                (rs, i) -> rs.getString(1),
                username);
        if (row.isEmpty() || !row.get(0).startsWith("oidc:")) {
            throw refused("local_user", username + " is a local Vigil user: sign in with the password instead");
        }
        if (!row.get(0).endsWith(":true")) {
            throw refused("disabled", username + " is disabled in Vigil");
        }
    }

    static OAuth2AuthenticationException refused(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }
}
