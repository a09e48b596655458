package io.vigil.ingest.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.vigil.ingest.config.IngestLimits;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the public API's request bodies with the contract's JSON types: a number or boolean where the contract says
 * string ({@code "id": 12345}) is a wrong type, reported by {@link ApiProblems} as a 400 naming the field, rather than
 * silently taken as its text. Amounts stay JSON numbers or strings, as the contract allows.
 *
 * <p>The strictness is scoped to these bodies: the application's {@link ObjectMapper} also (de)serializes Axon's
 * events and the stores' JSON, so it is left as it is, and a strict copy of it reads only the request types below.
 *
 * <p>The copy also bounds what one body can make the parser do ({@link IngestLimits}: nesting depth, the length of a
 * number, a string or a field name), and a batch is read item by item: the item past
 * {@link IngestLimits#maxBatchItems()} stops the read at once, so an over-long array is refused without parsing the
 * rest of it.
 */
@Component
class ApiRequestJson implements WebMvcConfigurer {

    /** The request bodies of the public API, alone or in a JSON array (a batch). */
    static final Set<Class<?>> REQUEST_TYPES =
            Set.of(TransactionRequest.class, OutcomeRequest.class, EventRequest.class);

    private final ObjectMapper json;
    private final IngestLimits limits;

    ApiRequestJson(ObjectMapper json, IngestLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** {@link #strict(ObjectMapper)}, with the stream read limits of {@code limits}. */
    static ObjectMapper strict(ObjectMapper mapper, IngestLimits limits) {
        ObjectMapper strict = strict(mapper);
        strict.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxNumberLength(limits.maxJsonNumberLength())
                        .maxStringLength(limits.maxJsonStringLength())
                        .maxNameLength(limits.maxJsonStringLength())
                        .build());
        return strict;
    }

    /** A copy of {@code mapper} that refuses numbers and booleans for strings; the original is unchanged. */
    static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new RequestConverter(strict(json, limits), limits.maxBatchItems()));
    }

    /** Reads the request types, and nothing else; never writes (responses use the application's converter). */
    static final class RequestConverter extends MappingJackson2HttpMessageConverter {

        private final int maxBatchItems;

        RequestConverter(ObjectMapper strict) {
            this(strict, IngestLimits.DEFAULTS.maxBatchItems());
        }

        RequestConverter(ObjectMapper strict, int maxBatchItems) {
            super(strict);
            this.maxBatchItems = maxBatchItems;
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input)
                throws IOException, HttpMessageNotReadableException {
            JavaType javaType = getJavaType(type, contextClass);
            if (!javaType.isCollectionLikeType()) {
                return super.read(type, contextClass, input);
            }
            try {
                return readBatch(getObjectMapper(), javaType.getContentType(), input.getBody(), maxBatchItems);
            } catch (JsonProcessingException e) {
                throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
            }
        }

        /**
         * A JSON array of {@code element}s, read one item at a time; more than {@code maxItems} of them is an
         * {@link InvalidBatchException} as soon as the next item starts. A {@code null} item stays {@code null} (the
         * controller reports it with its index); an item of the wrong shape is refused with its index in the path.
         */
        static List<Object> readBatch(ObjectMapper mapper, JavaType element, InputStream body, int maxItems)
                throws IOException {
            ObjectReader reader = mapper.readerFor(element);
            try (JsonParser parser = mapper.createParser(body)) {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.START_ARRAY) {
                    throw JsonMappingException.from(
                            parser,
                            token == null
                                    ? "No content to map due to end-of-input"
                                    : "a batch is a JSON array of events, not " + token.asString());
                }
                List<Object> items = new ArrayList<>();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw JsonMappingException.from(parser, "the array of the batch is not closed");
                    }
                    if (items.size() == maxItems) {
                        throw new InvalidBatchException(List.of(new ItemViolation(
                                -1, "", "a batch holds 1 to " + maxItems + " events, this one has more")));
                    }
                    try {
                        items.add(token == JsonToken.VALUE_NULL ? null : reader.readValue(parser));
                    } catch (JsonMappingException e) {
                        throw JsonMappingException.wrapWithPath(e, items, items.size());
                    }
                }
                return items;
            }
        }

        @Override
        public boolean canRead(Class<?> clazz, MediaType mediaType) {
            return REQUEST_TYPES.contains(clazz) && super.canRead(clazz, mediaType);
        }

        @Override
        public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
            return isRequest(getJavaType(type, contextClass)) && super.canRead(type, contextClass, mediaType);
        }

        @Override
        public boolean canWrite(Class<?> clazz, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
            return false;
        }

        private static boolean isRequest(JavaType type) {
            JavaType element = type.isCollectionLikeType() ? type.getContentType() : type;
            return REQUEST_TYPES.contains(element.getRawClass());
        }
    }
}
