package io.vigil.ingest.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngestSettings.class, IngestLimits.class, ReviewSettings.class})
class IngestConfig {

    /**
     * Tomcat's own part of the request limits: a form body, which Tomcat parses itself and not through the body limit
     * filter, is held to the same size; an encoded slash ({@code %2F}) is passed on rather than answered by Tomcat
     * with an HTML page, so that the filter refuses it as a problem like every other path that is not normalised.
     * Ordered after Spring Boot's own customizer so that its {@code max-http-form-post-size} default does not win.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRequestLimits(IngestLimits limits) {
        return new TomcatRequestLimits(limits);
    }

    private record TomcatRequestLimits(IngestLimits limits)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> {
                connector.setMaxPostSize(
                        (int) Math.min(Integer.MAX_VALUE, limits.maxBody().toBytes()));
                connector.setEncodedSolidusHandling("passthrough");
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
