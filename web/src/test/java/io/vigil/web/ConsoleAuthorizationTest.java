package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.vigil.access.api.Role;
import io.vigil.access.security.ConsolePermissions;
import io.vigil.access.users.ConsoleUser;
import io.vigil.web.config.ConsoleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Who may do what in the console, for every line of {@link ConsolePermissions} and every role: a request on one of
 * the line's paths by a role below the line's is refused with 403, by the line's role and those above it is not; an
 * open line is reached without signing in. A refusal is forwarded to the console's 403 page ({@link
 * ConsoleSecurityTest} shows it). The table is printed, as docs/access.md shows it.
 */
@WebMvcTest
@Import(ConsoleConfig.class)
class ConsoleAuthorizationTest extends ConsoleMvcTestSupport {

    static Stream<Arguments> guardedPathsAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (ConsolePermissions.Rule rule : ConsolePermissions.RULES) {
            if (rule.role() == null) {
                continue;
            }
            for (String path : rule.paths()) {
                for (HttpMethod method : methods(rule)) {
                    for (Role role : Role.values()) {
                        cases.add(Arguments.of(method, example(path), role, role.includes(rule.role())));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} by {2}: allowed {3}")
    @MethodSource("guardedPathsAndRoles")
    void eachRoleReachesWhatItsLineAllowsAndIsRefusedTheRest(HttpMethod method, String path, Role role, boolean allowed)
            throws Exception {
        signedIn = userOf(role);

        MockHttpServletResponse response = send(method, path);

        if (allowed) {
            assertThat(response.getStatus())
                    .as("%s %s by %s", method, path, role)
                    .isNotEqualTo(403);
            assertThat(response.getRedirectedUrl()).isNotEqualTo("/login");
        } else {
            assertThat(response.getStatus())
                    .as("%s %s by %s", method, path, role)
                    .isEqualTo(403);
            assertThat(response.getForwardedUrl()).as("the console's 403 page").isEqualTo("/access-denied");
        }
    }

    static Stream<Arguments> openPaths() {
        return ConsolePermissions.RULES.stream()
                .filter(rule -> rule.role() == null)
                .flatMap(rule -> rule.paths().stream().map(path -> Arguments.of(example(path))));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("openPaths")
    void anOpenPathIsReachedWithoutSigningIn(String path) throws Exception {
        signedIn = null;

        MockHttpServletResponse response = send(HttpMethod.GET, path);

        assertThat(response.getStatus()).as(path).isNotEqualTo(401);
        assertThat(response.getRedirectedUrl()).as(path).isNotEqualTo("/login");
        assertThat(response.getForwardedUrl()).as(path).isNotEqualTo("/access-denied");
    }

    @Test
    void aStateChangeNoLineListsIsForAdminsOnly() throws Exception {
        for (Role role : Role.values()) {
            signedIn = userOf(role);
            int status = send(HttpMethod.POST, "/monitors/mon-auth/archive").getStatus();
            if (role == ConsolePermissions.FALLBACK) {
                assertThat(status).as(role.wireName()).isEqualTo(404);
            } else {
                assertThat(status).as(role.wireName()).isEqualTo(403);
            }
        }
        System.out.println(ConsolePermissions.markdown());
    }

    private MockHttpServletResponse send(HttpMethod method, String path) throws Exception {
        return mvc.perform(asOnThePage(request(method, path))).andReturn().getResponse();
    }

    private ConsoleUser userOf(Role role) {
        ConsoleUser user = user(role.wireName() + "-user", role);
        stored.put(user.username(), user);
        return user;
    }

    private static List<HttpMethod> methods(ConsolePermissions.Rule rule) {
        return rule.method() == null ? List.of(HttpMethod.GET, HttpMethod.POST) : List.of(rule.method());
    }

    /** A path the pattern matches: each wildcard segment becomes {@code x}. */
    private static String example(String pattern) {
        return pattern.replace("/**", "/x").replace("*", "x");
    }
}
