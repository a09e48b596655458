package io.vigil.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.vigil.access.api.ChangeOwnPasswordCommand;
import io.vigil.access.api.Role;
import io.vigil.access.api.UserRejectedException;
import io.vigil.access.users.ConsoleUser;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every user's change-password page, as a full page and with htmx's header (the form is a plain one; an htmx request
 * gets the same page).
 */
@WebMvcTest(PasswordController.class)
class PasswordControllerTest extends ConsoleMvcTestSupport {

    @WithAndWithoutHtmx
    void theFormAsksForTheCurrentPasswordAndTheNewOneTwice(boolean htmx) throws Exception {
        String html = render(get("/account/password"), htmx);

        assertThat(html)
                .contains("action=\"/account/password\"", "name=\"currentPassword\"", "name=\"newPassword\"")
                .contains("name=\"confirmation\"", "minlength=\"12\"", "At least <span>12</span> characters")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"")
                .doesNotContain("id=\"must-change\"", "id=\"password-changed\"");
    }

    @Test
    void aUserWithAOneTimePasswordIsToldWhyTheyAreHere() throws Exception {
        signedIn = new ConsoleUser("newbie", null, Role.VIEWER, true, true, null);
        stored.put("newbie", signedIn);

        assertThat(render(get("/account/password"), false)).contains("id=\"must-change\"");
    }

    @WithAndWithoutHtmx
    void aChangeIsSentForTheSignedInUserAndSaidDone(boolean htmx) throws Exception {
        MockHttpServletRequestBuilder change = changeTo("a new long password", "a new long password");
        if (htmx) {
            change.header("HX-Request", "true");
        }

        mvc.perform(asOnThePage(change)).andExpect(redirectedUrl("/account/password?changed=true"));

        assertThat(sent(ChangeOwnPasswordCommand.class))
                .isEqualTo(new ChangeOwnPasswordCommand("olivia", "the old password", "a new long password"));
        assertThat(render(get("/account/password?changed=true"), htmx))
                .contains("id=\"password-changed\"", "Your password is changed.");
    }

    @WithAndWithoutHtmx
    void twoDifferentNewPasswordsAreExplainedAndSendNothing(boolean htmx) throws Exception {
        String html = render(changeTo("a new long password", "a new long passwort"), htmx);

        assertThat(html).contains("role=\"alert\"", "The new password and its repetition differ");
        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void aRefusedChangeIsExplained(boolean htmx) throws Exception {
        willThrow(new UserRejectedException("The current password is not right."))
                .given(commands)
                .sendAndWait(any());

        String html = render(changeTo("a new long password", "a new long password"), htmx);

        assertThat(html).contains("role=\"alert\"", "The current password is not right.");
        assertThat(html).doesNotContain("the old password", "a new long password");
    }

    private static MockHttpServletRequestBuilder changeTo(String password, String again) {
        return post("/account/password")
                .param("currentPassword", "the old password")
                .param("newPassword", password)
                .param("confirmation", again);
    }
}
