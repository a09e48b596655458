package io.vigil.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may cost the server, whatever its path: the body it may send, and what its JSON may contain. The
 * body limits and the batch size are the contract's; the JSON limits are far above anything the contract's bodies
 * need and stop a parser from doing unbounded work on one request.
 *
 * @param maxBody the largest body of any request but a batch (the contract's 64 KiB); over it: 413
 * @param maxBatchBody the largest body of a request whose path ends in {@code /batch} (the contract's 10 MiB)
 * @param maxImportBody the largest body of a request whose path ends in {@code /import}: a file uploaded whole, such
 *     as a list's CSV import (16 MiB: 100,000 lines of up to about 160 bytes)
 * @param maxBatchItems the most items in a batch, counted while the array is read (the contract's 10,000); over it:
 *     400, before the rest of the array is parsed
 * @param maxJsonDepth the deepest nesting of arrays and objects in a request body; deeper: 400
 * @param maxJsonNumberLength the most characters of one JSON number; longer: 400
 * @param maxJsonStringLength the most characters of one JSON string or field name; longer: 400
 */
@ConfigurationProperties("vigil.ingest.limits")
public record IngestLimits(
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue("10MB") DataSize maxBatchBody,
        @DefaultValue("16MB") DataSize maxImportBody,
        @DefaultValue("10000") int maxBatchItems,
        @DefaultValue("16") int maxJsonDepth,
        @DefaultValue("40") int maxJsonNumberLength,
        @DefaultValue("16384") int maxJsonStringLength) {

    /** The defaults, for tests and tools that run without Spring. */
    public static final IngestLimits DEFAULTS = new IngestLimits(
            DataSize.ofKilobytes(64), DataSize.ofMegabytes(10), DataSize.ofMegabytes(16), 10_000, 16, 40, 16_384);

    public IngestLimits {
        if (maxBody == null || maxBody.toBytes() < 1024) {
            throw new IllegalArgumentException("vigil.ingest.limits.max-body must be at least 1KB");
        }
        if (maxBatchBody == null || maxBatchBody.toBytes() < maxBody.toBytes()) {
            throw new IllegalArgumentException("vigil.ingest.limits.max-batch-body must be at least max-body");
        }
        if (maxImportBody == null || maxImportBody.toBytes() < maxBody.toBytes()) {
            throw new IllegalArgumentException("vigil.ingest.limits.max-import-body must be at least max-body");
        }
        if (maxBatchItems < 1) {
            throw new IllegalArgumentException("vigil.ingest.limits.max-batch-items must be at least 1");
        }
        if (maxJsonDepth < 4 || maxJsonNumberLength < 20 || maxJsonStringLength < 2048) {
            throw new IllegalArgumentException("vigil.ingest.limits: max-json-depth must be at least 4, "
                    + "max-json-number-length at least 20, max-json-string-length at least 2048 (a note)");
        }
    }
}
