package io.vigil.patterns.config;

import java.net.MalformedURLException;
import org.ektorp.CouchDbConnector;
import org.ektorp.CouchDbInstance;
import org.ektorp.http.HttpClient;
import org.ektorp.http.StdHttpClient;
import org.ektorp.impl.StdCouchDbConnector;
import org.ektorp.impl.StdCouchDbInstance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CouchDbSettings.class, PatternChangesSettings.class})
class CouchDbConfig {

    /**
     * Caching stays off: Ektorp's cache answers a GET from an earlier HEAD (HTTPCLIENT-1920) and would hide changes
     * made by analysts.
     */
    @Bean(destroyMethod = "shutdown")
    HttpClient couchDbHttpClient(CouchDbSettings settings) throws MalformedURLException {
        StdHttpClient.Builder builder = new StdHttpClient.Builder()
                .url(settings.url())
                .caching(false)
                .connectionTimeout(settings.connectTimeoutMillis())
                .socketTimeout(settings.socketTimeoutMillis());
        if (settings.username() != null && !settings.username().isBlank()) {
            builder.username(settings.username()).password(settings.password());
        }
        return builder.build();
    }

    @Bean
    CouchDbInstance couchDbInstance(HttpClient couchDbHttpClient) {
        return new StdCouchDbInstance(couchDbHttpClient);
    }

    /** The connector does not touch the server until first used, so Vigil starts while CouchDB is down. */
    @Bean
    CouchDbConnector patternDatabase(CouchDbInstance couchDbInstance, CouchDbSettings settings) {
        return new StdCouchDbConnector(settings.database(), couchDbInstance);
    }
}
