package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.patterns.api.ListEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ektorp.CouchDbConnector;
import org.ektorp.DocumentOperationResult;
import org.ektorp.ViewQuery;
import org.ektorp.ViewResult;
import org.junit.jupiter.api.Test;

/** The bulk writes' use of the CouchDB API, against a connector that answers as a CouchDB server would. */
class PatternStoreWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CouchDbConnector db = mock(CouchDbConnector.class);
    private final List<List<JsonNode>> bulks = new ArrayList<>();

    /** {@code _all_docs} with keys: each id in {@code revisions} is live at that revision; the others are unknown. */
    private void revisions(Map<String, String> revisions) {
        when(db.queryView(any(ViewQuery.class))).thenAnswer(call -> {
            ViewQuery query = call.getArgument(0);
            ObjectNode result = JSON.createObjectNode();
            var rows = result.putArray("rows");
            for (Object key : query.getKeysValues()) {
                String rev = revisions.get(key.toString());
                if (rev != null) {
                    rows.addObject()
                            .put("id", key.toString())
                            .put("key", key.toString())
                            .putObject("value")
                            .put("rev", rev);
                }
            }
            return new ViewResult(result, true);
        });
    }

    private static ListEntry entry(int i) {
        return new ListEntry("list-block-card-" + i, "block", "card", "card-" + i, null, "r");
    }

    @Test
    void writesManyEntriesAThousandARequestOnTheirCurrentRevisions() {
        revisions(Map.of("list-block-card-7", "3-abc"));
        when(db.executeBulk(anyCollection())).thenAnswer(call -> {
            Collection<?> docs = call.getArgument(0);
            bulks.add(docs.stream().map(d -> (JsonNode) d).toList());
            return List.of();
        });
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            entries.add(entry(i));
        }

        new PatternStoreWrites(db).writeListEntries(entries);

        assertThat(bulks).extracting(List::size).containsExactly(1000, 1000, 500);
        JsonNode seventh = bulks.get(0).get(7);
        assertThat(seventh.path("_id").asText()).isEqualTo("list-block-card-7");
        assertThat(seventh.path("_rev").asText())
                .as("replaces the stored document")
                .isEqualTo("3-abc");
        assertThat(seventh.path("type").asText()).isEqualTo("list-entry");
        assertThat(bulks.get(0).get(8).has("_rev")).as("a new document").isFalse();
    }

    @Test
    void writesADocumentAgainWhenItMetAConflict() {
        revisions(Map.of());
        when(db.executeBulk(anyCollection())).thenAnswer(call -> {
            Collection<?> docs = call.getArgument(0);
            bulks.add(docs.stream().map(d -> (JsonNode) d).toList());
            return bulks.size() == 1
                    ? List.of(DocumentOperationResult.newInstance(
                            "list-block-card-1", "conflict", "Document update conflict."))
                    : List.of();
        });

        new PatternStoreWrites(db).writeListEntries(List.of(entry(0), entry(1)));

        assertThat(bulks).extracting(List::size).containsExactly(2, 1);
        assertThat(bulks.get(1).get(0).path("_id").asText()).isEqualTo("list-block-card-1");
    }

    @Test
    void removesOnlyDocumentsThatExistMarkingThemDeleted() {
        revisions(Map.of("list-block-card-1", "2-x"));
        when(db.executeBulk(anyCollection())).thenAnswer(call -> {
            Collection<?> docs = call.getArgument(0);
            bulks.add(docs.stream().map(d -> (JsonNode) d).toList());
            return List.of();
        });

        new PatternStoreWrites(db).deleteAll(List.of("list-block-card-1", "list-block-card-2"));

        assertThat(bulks).hasSize(1);
        assertThat(bulks.get(0)).hasSize(1);
        JsonNode deletion = bulks.get(0).get(0);
        assertThat(deletion.path("_id").asText()).isEqualTo("list-block-card-1");
        assertThat(deletion.path("_rev").asText()).isEqualTo("2-x");
        assertThat(deletion.path("_deleted").asBoolean()).isTrue();
    }
}
