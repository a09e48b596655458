package io.vigil.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void replacesEverySecretFieldAtAnyDepthWhateverItsCase() throws Exception {
        JsonNode tree = json.readTree("""
                {"username": "alice", "newPassword": "s3cret!", "role": "admin",
                 "key": {"name": "checkout", "secretSha256": "q83...", "scopes": ["submit"]},
                 "users": [{"name": "bob", "PASSWORD_HASH": {"algorithm": "argon2", "value": "$argon2id$..."}}],
                 "refreshToken": null, "apiToken": 42}
                """);

        String redacted = Redaction.redact(tree).toString();

        assertThat(redacted)
                .doesNotContain("s3cret!", "q83...", "argon2")
                .contains("\"username\":\"alice\"", "\"role\":\"admin\"", "\"name\":\"checkout\"")
                .contains("\"scopes\":[\"submit\"]", "\"name\":\"bob\"")
                .contains("\"newPassword\":\"[redacted]\"", "\"secretSha256\":\"[redacted]\"")
                .contains("\"PASSWORD_HASH\":\"[redacted]\"", "\"refreshToken\":\"[redacted]\"")
                .contains("\"apiToken\":\"[redacted]\"");
    }

    @Test
    void leavesFieldsWithoutASecretWordAsTheyAre() throws Exception {
        String original = "{\"monitorId\":\"auth\",\"definition\":{\"name\":\"Pass rate\",\"thresholds\":[1,2]},"
                + "\"by\":\"api\",\"note\":\"password reset flow is down\"}";

        assertThat(Redaction.redact(json.readTree(original)).toString()).isEqualTo(original);
    }
}
