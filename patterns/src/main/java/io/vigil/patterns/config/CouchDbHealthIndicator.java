package io.vigil.patterns.config;

import org.ektorp.CouchDbInstance;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Reports the pattern store as {@code couchDb} in {@code /actuator/health}. */
@Component
class CouchDbHealthIndicator extends AbstractHealthIndicator {

    private final CouchDbInstance couchDb;
    private final CouchDbSettings settings;

    CouchDbHealthIndicator(CouchDbInstance couchDb, CouchDbSettings settings) {
        super("CouchDB health check failed");
        this.couchDb = couchDb;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean exists = couchDb.checkIfDbExists(settings.database());
        builder.up()
                .withDetail("url", settings.url())
                .withDetail("database", settings.database())
                .withDetail("databaseExists", exists);
    }
}
