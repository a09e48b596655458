package io.vigil.patterns.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pattern store lives: any server that speaks the CouchDB HTTP API (Apache CouchDB in production,
 * pouchdb-server in development).
 */
@ConfigurationProperties("vigil.couchdb")
public record CouchDbSettings(
        @DefaultValue("http://127.0.0.1:15984") String url,
        @DefaultValue("vigil-patterns") String database,
        String username,
        String password,
        @DefaultValue("2000") int connectTimeoutMillis,
        @DefaultValue("5000") int socketTimeoutMillis) {}
