package io.vigil.tools;

import io.vigil.tools.http.ApiKey;
import java.net.URI;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --url} and {@code --api-key} options every tool that talks to Vigil shares. The address's default is
 * {@code VIGIL_URL} when set (the {@code ./vigil} script sets it to the Vigil it runs), else
 * {@code http://127.0.0.1:8080}; the key's is {@code VIGIL_API_KEY} (which {@code ./vigil} sets to a key of its own
 * for its tools). The key is never shown: not in {@code --help}, not in a message.
 */
public final class VigilAddress {

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:VIGIL_URL:-http://127.0.0.1:8080}",
            converter = HttpUrl.class,
            description = "Vigil's address (default: ${DEFAULT-VALUE})")
    private URI url;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            defaultValue = "${env:VIGIL_API_KEY}",
            showDefaultValue = Visibility.NEVER,
            converter = KeyConverter.class,
            description = "the API key to call Vigil with (default: VIGIL_API_KEY, which ./vigil sets for its tools;"
                    + " a key on a command line is visible to every local user)")
    private ApiKey apiKey;

    public URI url() {
        return url;
    }

    /** The key given, or {@link ApiKey#NONE}. */
    public ApiKey apiKey() {
        return apiKey == null ? ApiKey.NONE : apiKey;
    }

    /** A key as given; a mistake is reported without the key. */
    public static final class KeyConverter implements ITypeConverter<ApiKey> {
        @Override
        public ApiKey convert(String value) {
            try {
                return ApiKey.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " (from --api-key or VIGIL_API_KEY)");
            }
        }
    }

    /** An http:// or https:// address with a host; a trailing slash is dropped. */
    public static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI url = URI.create(value.strip().replaceAll("/+$", ""));
                if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                    return url;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new TypeConversionException(
                    "must be an http:// or https:// address such as http://127.0.0.1:8080, got '" + value + "'");
        }
    }
}
