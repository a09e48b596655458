package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.patterns.config.CouchDbSettings;
import io.vigil.patterns.config.PatternChangesSettings;
import java.time.Duration;
import org.ektorp.impl.changes.StdDocumentChange;
import org.junit.jupiter.api.Test;

class CouchChangeFeedTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheNumericSequenceOfPouchDbServer() throws Exception {
        ChangeFeed.Change change = CouchChangeFeed.change(new StdDocumentChange(
                json.readTree("{\"id\":\"vigil-pattern-set\",\"changes\":[{\"rev\":\"9-95\"}],\"seq\":42}")));

        assertThat(change).isEqualTo(new ChangeFeed.Change("vigil-pattern-set", "42", false));
    }

    @Test
    void keepsTheOpaqueSequenceOfCouchDbAsItIs() throws Exception {
        ChangeFeed.Change change = CouchChangeFeed.change(new StdDocumentChange(
                json.readTree("{\"seq\":\"12-g1AAAABXeJzLYWBgYMpgTmHgz8tPSTV0MDQy\",\"id\":\"p-x\","
                        + "\"changes\":[{\"rev\":\"2-7051\"}],\"deleted\":true}")));

        assertThat(change).isEqualTo(new ChangeFeed.Change("p-x", "12-g1AAAABXeJzLYWBgYMpgTmHgz8tPSTV0MDQy", true));
    }

    @Test
    void aHeartbeatThatTheSocketTimeoutWouldCutIsRefusedAtStartUp() {
        CouchDbSettings couchDb =
                new CouchDbSettings("http://127.0.0.1:15984", "vigil-patterns", null, null, 2000, 5000);

        assertThat(PatternChangeFollower.heartbeatMillis(changes(Duration.ofSeconds(1)), couchDb))
                .isEqualTo(1000);
        assertThatThrownBy(() -> PatternChangeFollower.heartbeatMillis(changes(Duration.ofSeconds(6)), couchDb))
                .hasMessageContaining("vigil.couchdb.changes.heartbeat")
                .hasMessageContaining("socket-timeout-millis");
    }

    private static PatternChangesSettings changes(Duration heartbeat) {
        return new PatternChangesSettings(true, heartbeat, Duration.ofMillis(200), Duration.ofSeconds(2));
    }
}
