package io.vigil.access.users;

import io.vigil.access.api.CreateUserCommand;
import io.vigil.access.api.OneTimePassword;
import io.vigil.access.api.Role;
import io.vigil.access.api.UserRejectedException;
import io.vigil.access.config.AccessSettings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At the first start, when there is no console user, creates {@code admin} with the one-time password of {@code
 * vigil.access.initial-admin-password}, or one drawn and logged once when that is not set. The admin must change it
 * at the first sign-in. When two Vigils start at once, one creates the admin and the other finds it.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final String BY = "vigil";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserStore store;
    private final CommandGateway commands;
    private final AccessSettings settings;

    FirstAdmin(UserStore store, CommandGateway commands, AccessSettings settings) {
        this.store = store;
        this.commands = commands;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.isEmpty()) {
            return;
        }
        String given = settings.initialAdminPassword();
        boolean drawn = given == null || given.isBlank();
        OneTimePassword created;
        try {
            created = commands.sendAndWait(
                    new CreateUserCommand(USERNAME, "Administrator", Role.ADMIN, drawn ? null : given, BY));
        } catch (UserRejectedException e) {
            if (!store.isEmpty()) {
                log.info("Another Vigil created the first console user at the same moment");
                return;
            }
            throw new IllegalStateException(
                    "vigil.access.initial-admin-password cannot be the first admin's" + " password: " + e.getMessage());
        }
        if (drawn) {
            log.warn(
                    "First start: created the console user '{}' with the one-time password {} (shown only this once;"
                            + " sign in at / and change it; set vigil.access.initial-admin-password to choose it)",
                    created.username(),
                    created.password());
        } else {
            log.info(
                    "First start: created the console user '{}' with the password of"
                            + " vigil.access.initial-admin-password; it must be changed at the first sign-in",
                    created.username());
        }
    }
}
