package io.vigil.analytics.projection;

import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The rows a ClickHouse projection gathers during one tracking processor batch: created on the batch's first event,
 * written once just before the batch's token is committed (so a failed insert rolls the token back and the batch is
 * retried), and followed by a pause when the batch was small. Every batch is an insert per table in ClickHouse (a new
 * part) and a token update in PostgreSQL, so at a steady trickle many tiny batches cost far more than fewer larger
 * ones; the pause bounds how stale ClickHouse may be, and a full batch goes on at once.
 *
 * <p>It also knows whether a batch may hold rows already in ClickHouse, which the writers must then look for and skip.
 * That happens only when a batch is processed again: after a failed batch (the insert may have gone through before
 * the token commit failed), on the first batch after the processor started (Vigil may have been killed between an
 * insert and its token commit), and during a replay after a token reset. A batch that follows straight on from a
 * batch this processor committed holds only events it has never handled, so its rows go in without the lookup.
 *
 * @param <B> the projection's batch
 */
final class ProjectionBatches<B> {

    /** Writes a batch's rows; {@code verify} asks to skip the rows already present. */
    interface Writer<B> {
        void write(B batch, boolean verify) throws SQLException;
    }

    private final String key;
    private final Function<Boolean, B> create;
    private final Writer<B> writer;
    private final Predicate<B> small;
    private final long pauseMillis;
    /** Whether the last batch of this processor committed, so the next one starts where it ended. */
    private volatile boolean unbroken;

    /**
     * @param key the unit of work resource that holds the current batch
     * @param create makes a batch, told whether its rows must be verified
     * @param small whether the finished batch was small enough to pause after
     */
    ProjectionBatches(String key, Function<Boolean, B> create, Writer<B> writer, Predicate<B> small, long pauseMillis) {
        this.key = key;
        this.create = create;
        this.writer = writer;
        this.small = small;
        this.pauseMillis = pauseMillis;
    }

    /** The current batch of the processor whose events are being handled. */
    B current() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            boolean verify = !unbroken || ReplayToken.isReplay(root.getMessage());
            B batch = create.apply(verify);
            root.onPrepareCommit(uow -> write(batch, verify));
            root.onRollback(uow -> unbroken = false);
            root.afterCommit(uow -> {
                unbroken = true;
                if (pauseMillis > 0 && small.test(batch)) {
                    pause(pauseMillis);
                }
            });
            return batch;
        });
    }

    /** Forgets that batches follow on, for a token reset: the replayed batches are verified. */
    void reset() {
        unbroken = false;
    }

    /** Writes (part of) a batch now. */
    void write(B batch, boolean verify) {
        try {
            writer.write(batch, verify);
        } catch (SQLException e) {
            throw new IllegalStateException("ClickHouse insert failed; the batch will be retried", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A column value for an absent text: ClickHouse's String columns are not nullable here. */
    static String text(String value) {
        return value == null ? "" : value;
    }
}
