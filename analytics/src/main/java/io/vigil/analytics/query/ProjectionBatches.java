package io.vigil.analytics.query;

import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The rows a ClickHouse projection gathers during one tracking processor batch: created on the batch's first event,
 * written once just before the batch's token is committed (so a failed insert rolls the token back and the batch is
 * retried), and followed by a pause when the batch was small. Every batch is an insert per table in ClickHouse (a new
 * part) and a token update in PostgreSQL, so at a steady trickle many tiny batches cost far more than fewer larger
 * ones; the pause bounds how stale ClickHouse may be, and a full batch goes on at once.
 */
final class ProjectionBatches {

    /** Writes a batch's rows. */
    interface Writer<B> {
        void write(B batch) throws SQLException;
    }

    private ProjectionBatches() {}

    /**
     * The current batch of the processor whose events are being handled, under {@code key}.
     *
     * @param small whether the finished batch was small enough to pause after
     */
    static <B> B current(String key, Supplier<B> create, Writer<B> writer, Predicate<B> small, long pauseMillis) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            B batch = create.get();
            root.onPrepareCommit(uow -> write(writer, batch));
            root.afterCommit(uow -> {
                if (pauseMillis > 0 && small.test(batch)) {
                    pause(pauseMillis);
                }
            });
            return batch;
        });
    }

    static <B> void write(Writer<B> writer, B batch) {
        try {
            writer.write(batch);
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
