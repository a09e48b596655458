package io.vigil.tools;

import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --url} option every tool that talks to Vigil shares. Its default is {@code VIGIL_URL} when set (the
 * {@code ./vigil} script sets it to the Vigil it runs), else {@code http://127.0.0.1:8080}.
 */
public final class VigilAddress {

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:VIGIL_URL:-http://127.0.0.1:8080}",
            converter = HttpUrl.class,
            description = "Vigil's address (default: ${DEFAULT-VALUE})")
    private URI url;

    public URI url() {
        return url;
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
