package io.vigil.patterns.query;

import java.util.List;
import org.ektorp.CouchDbConnector;
import org.ektorp.changes.ChangesCommand;
import org.ektorp.changes.DocumentChange;

/**
 * The {@code _changes} feed through Ektorp, in the one form Apache CouchDB and pouchdb-server 4.2 answer alike: a
 * long-poll ({@code feed=longpoll}) from a sequence, with a heartbeat. With a heartbeat neither server ends an idle
 * poll (pouchdb-server ignores {@code timeout} and sends a blank line every 6 s unless told otherwise): the poll
 * stays open until a change comes, and the blank lines keep the client's socket timeout from firing, so that the
 * socket timeout notices a connection that went silent. The starting position is the database's {@code update_seq}
 * (a number for pouchdb-server, an opaque string for CouchDB 2 and later, valid as {@code since} for both).
 */
final class CouchChangeFeed implements ChangeFeed {

    /** The most changes one poll brings; a longer backlog (a bulk import of list entries) takes several polls. */
    static final int BATCH = 500;

    private final CouchDbConnector db;
    private final int heartbeatMillis;

    CouchChangeFeed(CouchDbConnector db, int heartbeatMillis) {
        this.db = db;
        this.heartbeatMillis = heartbeatMillis;
    }

    @Override
    public String currentSequence() {
        return db.getDbInfo().getUpdateSeqAsString();
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
