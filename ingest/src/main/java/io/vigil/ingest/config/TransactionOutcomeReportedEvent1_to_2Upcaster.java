package io.vigil.ingest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Revision 2 of {@link TransactionOutcomeReportedEvent} names the label a report changed ({@code replaced}); every
 * report stored at revision 1 changed none, as a later label then silently replaced the earlier one.
 */
@Component
class TransactionOutcomeReportedEvent1_to_2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(TransactionOutcomeReportedEvent.class.getTypeName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(TransactionOutcomeReportedEvent.class.getTypeName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode object && !object.has("replaced")) {
                object.putNull("replaced");
            }
            return payload;
        });
    }
}
