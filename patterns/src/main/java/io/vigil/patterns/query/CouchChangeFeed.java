package io.vigil.patterns.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.ektorp.CouchDbConnector;
import org.ektorp.DbPath;
import org.ektorp.changes.ChangesCommand;
import org.ektorp.changes.DocumentChange;
import org.ektorp.http.HttpResponse;
import org.ektorp.http.RestTemplate;
import org.ektorp.http.StdResponseHandler;
import org.ektorp.http.URI;

/**
 * The {@code _changes} feed through Ektorp, in the one form Apache CouchDB and pouchdb-server 4.2 answer alike: a
 * long-poll ({@code feed=longpoll}) from a sequence, with a heartbeat. With a heartbeat neither server ends an idle
 * poll (pouchdb-server ignores {@code timeout} and sends a blank line every 6 s unless told otherwise): the poll
 * stays open until a change comes, and the blank lines keep the client's socket timeout from firing, so that the
 * socket timeout notices a connection that went silent. Positions ({@code seq}) are kept as opaque strings: numbers
 * for pouchdb-server, strings for CouchDB 2 and later.
 */
final class CouchChangeFeed implements ChangeFeed {

    /** The most changes one poll brings; a longer backlog (a bulk import of list entries) takes several polls. */
    static final int BATCH = 500;

    private final ObjectMapper json = new ObjectMapper();
    private final CouchDbConnector db;
    private final int heartbeatMillis;

    CouchChangeFeed(CouchDbConnector db, int heartbeatMillis) {
        this.db = db;
        this.heartbeatMillis = heartbeatMillis;
    }

    /**
     * The feed's {@code last_seq} for {@code since=now}, which both servers answer at once with no rows. Not the
     * database's {@code update_seq} through {@code getDbInfo()}: Ektorp maps {@code purge_seq} to a number, and
     * CouchDB 2 and later send it as an opaque string.
     */
    @Override
    public String currentSequence() {
        String now = URI.prototype(DbPath.fromString(db.getDatabaseName()).getPath())
                .append("_changes")
                .param("since", "now")
                .toString();
        return new RestTemplate(db.getConnection()).get(now, new StdResponseHandler<>() {
            @Override
            public String success(HttpResponse response) throws Exception {
                JsonNode lastSeq = json.readTree(response.getContent()).path("last_seq");
                if (lastSeq.isMissingNode() || lastSeq.isNull()) {
                    throw new IllegalStateException("the changes feed answered without last_seq");
                }
                return lastSeq.asText();
            }
        });
    }

    @Override
    public List<Change> changesAfter(String since) {
        // the heartbeat as a plain parameter: changes() copies the command without Builder.heartbeat (Ektorp 1.5.0)
        ChangesCommand poll = new ChangesCommand.Builder()
                .param("feed", "longpoll")
                .param("heartbeat", Integer.toString(heartbeatMillis))
                .since(since)
                .limit(BATCH)
                .build();
        return db.changes(poll).stream().map(CouchChangeFeed::change).toList();
    }

    /** CouchDB 2 and later give {@code seq} as a string, CouchDB 1 and pouchdb-server as a number. */
    static Change change(DocumentChange row) {
        String sequence =
                row.getStringSequence() != null ? row.getStringSequence() : Integer.toString(row.getSequence());
        return new Change(row.getId(), sequence, row.isDeleted());
    }
}
