package io.vigil.web.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.vigil.access.api.ChangeUserRoleCommand;
import io.vigil.access.api.CreateUserCommand;
import io.vigil.access.api.DisableUserCommand;
import io.vigil.access.api.EnableUserCommand;
import io.vigil.access.api.FindUsersQuery;
import io.vigil.access.api.OneTimePassword;
import io.vigil.access.api.ResetUserPasswordCommand;
import io.vigil.access.api.Role;
import io.vigil.access.api.UserList;
import io.vigil.access.api.UserRejectedException;
import io.vigil.access.api.UserSummary;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The admins' users page: the users with their role and state, and each action on them, made by the signed-in admin.
 * Each case runs with and without htmx's HX-Request header; without it, an action redirects to the page, which the
 * cases follow.
 */
@WebMvcTest(UsersController.class)
class UsersControllerTest extends ConsoleMvcTestSupport {

    private static final Instant CREATED = Instant.parse("2026-11-20T09:00:00Z");

    private static final UserSummary ADA =
            new UserSummary("ada", "Ada Admin", Role.ADMIN, "local", true, false, CREATED, "vigil", CREATED, MINUTE);
    private static final UserSummary VERA =
            new UserSummary("vera", null, Role.VIEWER, "local", false, true, CREATED, "ada", CREATED, null);
    private static final UserSummary SAM = new UserSummary(
            "sam@example.com", "Sam", Role.ANALYST, "oidc", true, false, CREATED, "oidc", CREATED, MINUTE);

    @BeforeEach
    void anAdminWithUsers() {
        signedIn = ADMIN;
        answer(FindUsersQuery.class, new UserList(List.of(ADA, SAM, VERA)));
    }

    @WithAndWithoutHtmx
    void listsTheUsersWithTheirRoleAndState(boolean htmx) throws Exception {
        String html = render(get("/users"), htmx);

        if (htmx) {
            assertThat(html).doesNotContain("<html", "<nav>");
        } else {
            assertThat(html)
                    .containsPattern("aria-current=\"page\"[^>]*>Users</a>")
                    .contains("Create user");
        }
        String ada = rowOf(html, "data-username=\"ada\"");
        assertThat(ada)
                .contains(">Ada Admin<", "value=\"admin\" selected=\"selected\"", ">enabled<", ">2026-11-23 10:15<")
                .contains(">2026-11-20 09:00 by vigil<", ">Disable<", ">Reset password<")
                .doesNotContain(">Enable<", ">one-time password<");
        String vera = rowOf(html, "data-username=\"vera\"");
        assertThat(vera)
                .contains(
                        "value=\"viewer\" selected=\"selected\"",
                        ">disabled<",
                        ">one-time password<",
                        ">never<",
                        ">Enable<")
                .doesNotContain(">Disable<");
        assertThat(rowOf(html, "data-username=\"sam@example.com\""))
                .contains(">single sign-on<", "action=\"/users/sam@example.com/role\"")
                .doesNotContain("Reset password");
    }

    @WithAndWithoutHtmx
    void creatingAUserShowsItsOneTimePasswordOnce(boolean htmx) throws Exception {
        given(commands.sendAndWait(any(CreateUserCommand.class)))
                .willReturn(new OneTimePassword("olga", "abcd-efgh-jkmn-pqrs-tuvw"));

        String html = submit(
                post("/users")
                        .param("username", "olga")
                        .param("displayName", "Olga")
                        .param("role", "operator"),
                htmx);

        CreateUserCommand command = sent(CreateUserCommand.class);
        assertThat(command).isEqualTo(CreateUserCommand.withDrawnPassword("olga", "Olga", Role.OPERATOR, "ada"));
        assertThat(html)
                .contains("User olga created with the role operator.")
                .contains("<code id=\"one-time-password\">abcd-efgh-jkmn-pqrs-tuvw</code>")
                .contains("Vigil shows it only this once");
        if (!htmx) {
            assertThat(render(get("/users"), false)).as("the page again").doesNotContain("abcd-efgh-jkmn-pqrs-tuvw");
        }
    }

    @ParameterizedTest(name = "{0}, HX-Request: {1}")
    @CsvSource({"role,false", "role,true", "disable,false", "disable,true", "enable,false", "enable,true"})
    void eachActionIsSentByTheSignedInAdmin(String action, boolean htmx) throws Exception {
        String html = submit(post("/users/vera/" + action).param("role", "operator"), htmx);

        Object expected = switch (action) {
            case "role" -> new ChangeUserRoleCommand("vera", Role.OPERATOR, "ada");
            case "disable" -> new DisableUserCommand("vera", "ada");
            default -> new EnableUserCommand("vera", "ada");
        };
        assertThat(sent(Object.class)).isEqualTo(expected);
        assertThat(html).contains("class=\"notice\"").doesNotContain("role=\"alert\"");
    }

    @WithAndWithoutHtmx
    void resettingAPasswordShowsTheNewOneOnce(boolean htmx) throws Exception {
        given(commands.sendAndWait(any(ResetUserPasswordCommand.class)))
                .willReturn(new OneTimePassword("vera", "zzzz-yyyy-xxxx-wwww-vvvv"));

        String html = submit(post("/users/vera/reset-password"), htmx);

        assertThat(sent(ResetUserPasswordCommand.class)).isEqualTo(new ResetUserPasswordCommand("vera", "ada"));
        assertThat(html)
                .contains("vera has a new one-time password; the old one no longer works.")
                .contains("<code id=\"one-time-password\">zzzz-yyyy-xxxx-wwww-vvvv</code>");
    }

    @WithAndWithoutHtmx
    void aRefusedChangeIsExplained(boolean htmx) throws Exception {
        willThrow(new UserRejectedException(
                        "ada is the last enabled admin and cannot be disabled: make another user admin first."))
                .given(commands)
                .sendAndWait(any());

        String html = submit(post("/users/ada/disable"), htmx);

        assertThat(html)
                .contains("role=\"alert\"", "ada is the last enabled admin and cannot be disabled")
                .doesNotContain("one-time-password");
    }

    @WithAndWithoutHtmx
    void anUnknownRoleIsExplainedAndSendsNothing(boolean htmx) throws Exception {
        String html = submit(post("/users").param("username", "olga").param("role", "superuser"), htmx);

        assertThat(html).contains("Choose a role: one of viewer, operator, analyst, approver, admin.");
        verifyNoInteractions(commands);
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @CsvSource({
        "GET,/users,OPERATOR",
        "GET,/users,APPROVER",
        "POST,/users,VIEWER",
        "POST,/users/ada/disable,APPROVER",
        "POST,/users/vera/reset-password,OPERATOR",
        "POST,/users/vera/role,ANALYST"
    })
    void onlyAdminsManageUsers(String method, String path, Role role) throws Exception {
        signedIn = user(role.wireName() + "-user", role);
        stored.put(signedIn.username(), signedIn);
        MockHttpServletRequestBuilder request =
                method.equals("GET") ? get(path) : post(path).param("role", "admin");

        assertRefused(request, false);
    }
}
