package io.vigil.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.config.ReviewSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract's signature, checked against an HMAC computed elsewhere (Python's hmac), and the retry waits. */
class WebhookSignatureTest {

    @Test
    void signsTheTimeADotAndTheRawBodyWithTheSecret() {
        String header = WebhookSignature.header("whsec_test", 1764400000L, "{\"type\":\"transaction.reviewed\"}");

        // python3: hmac.new(b'whsec_test', b'1764400000.{"type":"transaction.reviewed"}', hashlib.sha256).hexdigest()
        assertThat(header)
                .isEqualTo("t=1764400000,v1=d7079a7a700b599d66f2dd27db82711906534f83a4f621f6163a06206e91233a");
    }

    @Test
    void aFailedWebhookWaitsTwiceAsLongEachTimeUpToTheMaximum() {
        ReviewWebhookSender sender = new ReviewWebhookSender(
                null,
                new ReviewSettings(
                        Duration.ofMinutes(15),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        20,
                        Duration.ofSeconds(10)));

        assertThat(sender.retryAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(sender.retryAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(sender.retryAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(sender.retryAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.retryAfter(19)).isEqualTo(Duration.ofSeconds(30));
    }
}
