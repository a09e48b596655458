package io.vigil.access.api;

import java.util.List;

/** The answer to {@link FindApiKeysQuery}. */
public record ApiKeyList(List<ApiKeySummary> keys) {

    public ApiKeyList {
        keys = List.copyOf(keys);
    }
}
