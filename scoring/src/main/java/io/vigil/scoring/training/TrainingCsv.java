package io.vigil.scoring.training;

import java.io.IOException;
import java.io.Writer;

/** One row of the training set as CSV: id, timestamp, label, then the features (a missing value left empty). */
final class TrainingCsv {

    private TrainingCsv() {}

    static void write(Writer out, TrainingReplay.Row row) throws IOException {
        out.write(quoted(row.tx().transactionId()));
        out.write(',');
        out.write(row.tx().timestamp().toString());
        out.write(row.fraud() ? ",1" : ",0");
        for (float v : row.values()) {
            out.write(',');
            if (!Float.isNaN(v)) {
                out.write(v == (long) v ? Long.toString((long) v) : Float.toString(v));
            }
        }
        out.write('\n');
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
