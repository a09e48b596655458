package io.vigil.web.keys;

import io.vigil.access.api.ApiScope;
import io.vigil.access.api.CreateApiKeyCommand;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The new-key form: a name, the scopes ticked (none ticked: the default scopes) and an optional rate limit.
 *
 * @param scopes the wire names of the ticked scopes
 */
record KeyForm(String name, List<String> scopes, Integer ratePerSecond, Integer burst) {

    CreateApiKeyCommand toCommand() {
        Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
        if (scopes != null) {
            scopes.stream()
                    .map(ApiScope::fromWireName)
                    .flatMap(java.util.Optional::stream)
                    .forEach(chosen::add);
        }
        return new CreateApiKeyCommand(name, chosen, ratePerSecond, burst);
    }
}
