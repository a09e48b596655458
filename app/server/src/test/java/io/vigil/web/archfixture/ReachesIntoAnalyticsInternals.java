package io.vigil.web.archfixture;

import io.vigil.analytics.store.ClickHouse;

/** A deliberate module-boundary violation: the web module using analytics' store adapter. Only for ModuleBoundariesTest. */
public class ReachesIntoAnalyticsInternals {

    public String table(ClickHouse clickHouse) {
        return clickHouse.table("transactions");
    }
}
