package io.vigil.ingest.rest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
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
 */
@Component
class ApiRequestJson implements WebMvcConfigurer {

    /** The request bodies of the public API, alone or in a JSON array (a batch). */
    static final Set<Class<?>> REQUEST_TYPES =
            Set.of(TransactionRequest.class, OutcomeRequest.class, EventRequest.class);

    private final ObjectMapper json;

    ApiRequestJson(ObjectMapper json) {
        this.json = json;
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
        converters.add(0, new RequestConverter(strict(json)));
    }

    /** Reads the request types, and nothing else; never writes (responses use the application's converter). */
    static final class RequestConverter extends MappingJackson2HttpMessageConverter {

        RequestConverter(ObjectMapper strict) {
            super(strict);
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
