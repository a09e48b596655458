package io.vigil.web.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.vigil.access.api.ApiKeyList;
import io.vigil.access.api.ApiKeySummary;
import io.vigil.access.api.ApiScope;
import io.vigil.access.api.CreateApiKeyCommand;
import io.vigil.access.api.CreatedApiKey;
import io.vigil.access.api.FindApiKeysQuery;
import io.vigil.access.api.InvalidApiKeyException;
import io.vigil.access.api.RevokeApiKeyCommand;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

/** The API keys page: keys listed without their secrets, a new key shown once, revoking. With and without htmx. */
@WebMvcTest(KeysController.class)
@Import(ConsoleConfig.class)
class KeysControllerTest extends ConsoleMvcTestSupport {

    @BeforeEach
    void signInAsAdmin() {
        signedIn = ADMIN;
    }

    @WithAndWithoutHtmx
    void isForAdminsOnly(boolean htmx) throws Exception {
        signedIn = APPROVER;
        assertRefused(get("/keys"), htmx);
    }

    private static final ApiKeySummary CHECKOUT = new ApiKeySummary(
            "k-1",
            "checkout-eu",
            "vgl_3kf9a2bc",
            EnumSet.of(ApiScope.SUBMIT, ApiScope.READ),
            100,
            200,
            MINUTE.minusSeconds(3600),
            "admin",
            null,
            null,
            MINUTE,
            "https://checkout.example/vigil-hooks");

    private static final ApiKeySummary REPORTS = new ApiKeySummary(
            "k-2",
            "reports",
            "vgl_77aa01zz",
            EnumSet.of(ApiScope.READ),
            null,
            null,
            MINUTE.minusSeconds(7200),
            "admin",
            null,
            null,
            null,
            null);

    @WithAndWithoutHtmx
    void listsKeysByPrefixWithScopesLimitAndLastUse(boolean htmx) throws Exception {
        answer(FindApiKeysQuery.class, new ApiKeyList(List.of(CHECKOUT, REPORTS)));

        String html = render(get("/keys"), htmx);

        if (!htmx) {
            assertThat(html).contains("<h1>API keys</h1>", "<form method=\"post\" action=\"/keys\"");
        }
        assertThat(rowOf(html, "data-key-id=\"k-1\""))
                .contains("checkout-eu", "vgl_3kf9a2bc_…", "submit, read", "100/s, burst 200", "2026-11-23 10:15")
                .contains("action=\"/keys/revoke\"");
        assertThat(rowOf(html, "data-key-id=\"k-2\"")).contains(">none<", ">never<");
        assertThat(queried(FindApiKeysQuery.class).includeRevoked()).isFalse();
    }

    @WithAndWithoutHtmx
    void saysRevokedKeysAreHiddenWhenNoActiveKeyIsLeft(boolean htmx) throws Exception {
        answer(FindApiKeysQuery.class, new ApiKeyList(List.of()));

        assertThat(render(get("/keys"), htmx))
                .contains("No active API keys (revoked keys are hidden).", "Show revoked keys too")
                .doesNotContain("No API keys yet");
        assertThat(render(get("/keys").param("revoked", "true"), htmx)).contains("No API keys yet.");
    }

    @WithAndWithoutHtmx
    void showsANewKeyOnceWithTheScopesAndLimitChosen(boolean htmx) throws Exception {
        answer(FindApiKeysQuery.class, new ApiKeyList(List.of(CHECKOUT)));
        String secret = "vgl_3kf9a2bc_" + "A".repeat(40);
        given(commands.sendAndWait(any(CreateApiKeyCommand.class)))
                .willReturn(new CreatedApiKey("k-1", "checkout-eu", "vgl_3kf9a2bc", secret, CHECKOUT.scopes()));

        String html = render(
                post("/keys")
                        .param("name", "checkout-eu")
                        .param("scopes", "submit", "read")
                        .param("ratePerSecond", "100")
                        .param("burst", ""),
                htmx);

        assertThat(html).contains(secret, "Copy it now: it is not shown again");
        CreateApiKeyCommand command = sent(CreateApiKeyCommand.class);
        assertThat(command.name()).isEqualTo("checkout-eu");
        assertThat(command.scopes()).containsExactlyInAnyOrder(ApiScope.SUBMIT, ApiScope.READ);
        assertThat(command.ratePerSecond()).isEqualTo(100);
        assertThat(command.burst()).isNull();
    }

    @WithAndWithoutHtmx
    void explainsAKeyThatCannotBeCreated(boolean htmx) throws Exception {
        answer(FindApiKeysQuery.class, new ApiKeyList(List.of()));
        given(commands.sendAndWait(any(CreateApiKeyCommand.class)))
                .willThrow(new InvalidApiKeyException("name", "must be at most 100 characters"));

        String html = render(post("/keys").param("name", "x".repeat(101)), htmx);

        assertThat(html).contains("name must be at most 100 characters").doesNotContain("Copy it now");
    }

    @WithAndWithoutHtmx
    void explainsARateThatIsNotANumber(boolean htmx) throws Exception {
        answer(FindApiKeysQuery.class, new ApiKeyList(List.of()));

        String html = render(post("/keys").param("name", "x").param("ratePerSecond", "fast"), htmx);

        assertThat(html).contains("must be whole numbers", "ratePerSecond");
    }

    @WithAndWithoutHtmx
    void revokesAKey(boolean htmx) throws Exception {
        answer(FindApiKeysQuery.class, new ApiKeyList(List.of(REPORTS)));

        String html = submit(post("/keys/revoke").param("keyId", "k-1"), htmx);

        assertThat(sent(RevokeApiKeyCommand.class).keyId()).isEqualTo("k-1");
        assertThat(html).contains("Revoked: every node refuses the key within a second.");
    }
}
