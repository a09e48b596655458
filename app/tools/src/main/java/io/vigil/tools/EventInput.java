package io.vigil.tools;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * An import file opened for reading: a path or standard input ({@code -}), gzip-compressed or not (recognised by its
 * first bytes, whatever its name), NDJSON or CSV (by the name without {@code .gz}, else by its first character).
 * It counts the bytes read from the file itself, so that progress can be shown as a share of the file's size, for a
 * compressed file too.
 */
final class EventInput implements Closeable {

    /** The two file formats. */
    enum Format {
        NDJSON,
        CSV;

        static Format fromWire(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "ndjson", "jsonl", "json" -> NDJSON;
                case "csv" -> CSV;
                default -> throw new IllegalArgumentException("must be ndjson or csv, got '" + value + "'");
            };
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CountingStream counted;
    private final long size;
    private final Format format;
    private final boolean compressed;
    private final EventReader reader;

    private EventInput(CountingStream counted, long size, Format format, boolean compressed, EventReader reader) {
        this.counted = counted;
        this.size = size;
        this.format = format;
        this.compressed = compressed;
        this.reader = reader;
    }

    /**
     * Opens {@code name} ({@code -} for {@code stdin}) in the given format, or the one its name or content shows when
     * {@code format} is null. Fails when the file cannot be opened or, for CSV, its header cannot hold events.
     */
    static EventInput open(String name, Format format, InputStream stdin) throws IOException, ImportFailure {
        boolean standardInput = name.equals("-");
        long size = -1;
        InputStream raw;
        if (standardInput) {
            raw = stdin;
        } else {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new ImportFailure(name + " is a folder, not a file");
            }
            raw = Files.newInputStream(path);
            if (Files.isRegularFile(path)) {
                size = Files.size(path);
            }
        }
        CountingStream counted = new CountingStream(raw);
        try {
            BufferedInputStream buffered = new BufferedInputStream(counted, 64 * 1024);
            boolean compressed = startsWithGzipMagic(buffered);
            BufferedInputStream content = compressed
                    ? new BufferedInputStream(new GZIPInputStream(buffered, 64 * 1024), 64 * 1024)
                    : buffered;
            Format chosen = format != null ? format : standardInput ? null : formatOfName(name);
            if (chosen == null) {
                chosen = formatOfContent(content);
            }
            BufferedReader text = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 64 * 1024);
            EventReader reader = chosen == Format.CSV ? new CsvEventReader(text) : new NdjsonEventReader(text);
            return new EventInput(counted, size, chosen, compressed, reader);
        } catch (IOException | ImportFailure | RuntimeException e) {
            counted.close();
            throw e;
        }
    }

    /** The format a file name shows ({@code .gz} aside), or null when it shows none. */
    static Format formatOfName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl") || lower.endsWith(".json")) {
            return Format.NDJSON;
        }
        if (lower.endsWith(".csv")) {
            return Format.CSV;
        }
        return null;
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** NDJSON when the first character that is not blank (or a byte order mark) opens a JSON value, else CSV. */
    private static Format formatOfContent(BufferedInputStream in) throws IOException {
        in.mark(8192);
        try {
            for (int i = 0; i < 8192; i++) {
                int c = in.read();
                if (c < 0 || c == '{' || c == '[') {
                    return Format.NDJSON;
                }
                boolean byteOrderMark = c == 0xEF || c == 0xBB || c == 0xBF;
                if (!byteOrderMark && !Character.isWhitespace(c)) {
                    return Format.CSV;
                }
            }
            return Format.CSV;
        } finally {
            in.reset();
        }
    }

    EventReader reader() {
        return reader;
    }

    Format format() {
        return format;
    }

    boolean compressed() {
        return compressed;
    }

    /** Bytes of the file read so far (compressed bytes for a compressed file). */
    long bytesRead() {
        return counted.count;
    }

    /** The file's size in bytes, or -1 when it is not known (standard input, a pipe). */
    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts the bytes that pass; the count is read by the progress thread, hence volatile. */
    private static final class CountingStream extends FilterInputStream {

        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
