package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.patterns.config.CouchDbSettings;
import io.vigil.patterns.config.PatternChangesSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.ektorp.http.HttpClient;
import org.ektorp.http.HttpResponse;
import org.ektorp.impl.StdCouchDbConnector;
import org.ektorp.impl.StdCouchDbInstance;
import org.ektorp.impl.changes.StdDocumentChange;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

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
    void longPollsFromTheGivenSequenceWithTheHeartbeatAndReadsTheRows() {
        HttpResponse rows = answer("{\"results\":[\n\n\n"
                + "{\"id\":\"p-x\",\"changes\":[{\"rev\":\"2-a\"}],\"seq\":43},\n"
                + "{\"id\":\"vigil-pattern-set\",\"changes\":[{\"rev\":\"9-b\"}],\"seq\":44}\n"
                + "],\n\"last_seq\":44}\n");
        HttpClient http = mock(HttpClient.class);
        when(http.get(anyString())).thenReturn(rows);
        CouchChangeFeed feed =
                new CouchChangeFeed(new StdCouchDbConnector("vigil-patterns", new StdCouchDbInstance(http)), 1000);

        List<ChangeFeed.Change> changes = feed.changesAfter("42");

        ArgumentCaptor<String> uri = ArgumentCaptor.forClass(String.class);
        verify(http).get(uri.capture());
        assertThat(uri.getValue())
                .startsWith("/vigil-patterns/_changes?")
                .contains("feed=longpoll", "since=42", "heartbeat=1000", "limit=" + CouchChangeFeed.BATCH);
        assertThat(changes)
                .containsExactly(
                        new ChangeFeed.Change("p-x", "43", false),
                        new ChangeFeed.Change("vigil-pattern-set", "44", false));
    }

    @Test
    void startsFromTheLastSequenceThatTheFeedGivesForNowWhateverItsType() {
        HttpResponse pouchDb = answer("{\"results\":[],\"last_seq\":42}\n");
        HttpResponse couchDb =
                answer("{\"results\":[],\"last_seq\":\"57-g1AAAACTeJzLYWBgYMpgTmHgz8tPSTV0MDQy\",\"pending\":0}");
        HttpClient http = mock(HttpClient.class);
        when(http.get(anyString())).thenReturn(pouchDb, couchDb);
        CouchChangeFeed feed =
                new CouchChangeFeed(new StdCouchDbConnector("vigil-patterns", new StdCouchDbInstance(http)), 1000);

        assertThat(feed.currentSequence()).isEqualTo("42");
        assertThat(feed.currentSequence()).isEqualTo("57-g1AAAACTeJzLYWBgYMpgTmHgz8tPSTV0MDQy");
        ArgumentCaptor<String> uri = ArgumentCaptor.forClass(String.class);
        verify(http, times(2)).get(uri.capture());
        assertThat(uri.getValue()).isEqualTo("/vigil-patterns/_changes?since=now");
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

    /** A 200 answer with the body, as the server sends it (the long-poll's blank lines included). */
    private static HttpResponse answer(String body) {
        HttpResponse answer = mock(HttpResponse.class);
        when(answer.isSuccessful()).thenReturn(true);
        when(answer.getCode()).thenReturn(200);
        when(answer.getContent()).thenReturn(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        return answer;
    }

    private static PatternChangesSettings changes(Duration heartbeat) {
        return new PatternChangesSettings(true, heartbeat, Duration.ofMillis(200), Duration.ofSeconds(2));
    }
}
