package io.vigil.access.users;

import io.vigil.access.api.ChangeOwnPasswordCommand;
import io.vigil.access.api.ChangeUserRoleCommand;
import io.vigil.access.api.CreateUserCommand;
import io.vigil.access.api.DisableUserCommand;
import io.vigil.access.api.EnableUserCommand;
import io.vigil.access.api.OneTimePassword;
import io.vigil.access.api.ResetUserPasswordCommand;
import io.vigil.access.api.Role;
import io.vigil.access.api.UserCreatedEvent;
import io.vigil.access.api.UserDisabledEvent;
import io.vigil.access.api.UserEnabledEvent;
import io.vigil.access.api.UserEvent;
import io.vigil.access.api.UserPasswordChangedEvent;
import io.vigil.access.api.UserPasswordResetEvent;
import io.vigil.access.api.UserRejectedException;
import io.vigil.access.api.UserRoleChangedEvent;
import io.vigil.access.api.UserRules;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Handles the user commands. Users are rows, not event-sourced aggregates: a sign-in reads one row by username. Each
 * change writes the row and publishes its event in the command's unit of work, so both are stored in one transaction
 * or neither is. A change that changes nothing (enabling an enabled user) publishes nothing.
 */
@Component
class UserCommandHandler {

    private static final int MAX_BY = 200;

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final EventBus events;
    private final Clock clock;

    @Autowired
    UserCommandHandler(UserStore store, PasswordEncoder encoder, EventBus events) {
        this(store, encoder, events, Clock.systemUTC());
    }

    UserCommandHandler(UserStore store, PasswordEncoder encoder, EventBus events, Clock clock) {
        this.store = store;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    OneTimePassword handle(CreateUserCommand command) {
        String username = UserRules.username(command.username());
        String displayName = UserRules.displayName(command.displayName());
        Role role = role(command.role());
        String by = by(command.by());
        String password = command.initialPassword() == null ? OneTimePasswords.draw() : command.initialPassword();
        UserRules.password(username, password);
        Instant now = clock.instant();
        if (!store.insert(username, displayName, role, encoder.encode(password), by, now)) {
            throw new UserRejectedException("There is a user " + username + " already.");
        }
        publish(new UserCreatedEvent(username, displayName, role, by, now));
        return new OneTimePassword(username, password);
    }

    @CommandHandler
    void handle(ChangeUserRoleCommand command) {
        Role role = role(command.role());
        String by = by(command.by());
        int admins = store.lockEnabledAdmins();
        ConsoleUser user = existing(command.username());
        if (user.role() == role) {
            return;
        }
        if (user.role() == Role.ADMIN && user.enabled() && admins <= 1) {
            throw lastAdmin(user, "given another role");
        }
        Instant now = clock.instant();
        store.updateRole(user.username(), role, now);
        publish(new UserRoleChangedEvent(user.username(), user.role(), role, by, now));
    }

    @CommandHandler
    void handle(DisableUserCommand command) {
        String by = by(command.by());
        int admins = store.lockEnabledAdmins();
        ConsoleUser user = existing(command.username());
        if (!user.enabled()) {
            return;
        }
        if (user.role() == Role.ADMIN && admins <= 1) {
            throw lastAdmin(user, "disabled");
        }
        Instant now = clock.instant();
        store.updateEnabled(user.username(), false, now);
        publish(new UserDisabledEvent(user.username(), by, now));
    }

    @CommandHandler
    void handle(EnableUserCommand command) {
        String by = by(command.by());
        ConsoleUser user = existing(command.username());
        if (user.enabled()) {
            return;
        }
        Instant now = clock.instant();
        store.updateEnabled(user.username(), true, now);
        publish(new UserEnabledEvent(user.username(), by, now));
    }

    @CommandHandler
    OneTimePassword handle(ResetUserPasswordCommand command) {
        String by = by(command.by());
        ConsoleUser user = existing(command.username());
        if (user.passwordHash() == null) {
            throw new UserRejectedException(
                    user.username() + " signs in through single sign-on: Vigil keeps no password for them.");
        }
        String password = OneTimePasswords.draw();
        Instant now = clock.instant();
        store.updatePassword(user.username(), encoder.encode(password), true, now);
        publish(new UserPasswordResetEvent(user.username(), by, now));
        return new OneTimePassword(user.username(), password);
    }

    @CommandHandler
    void handle(ChangeOwnPasswordCommand command) {
        ConsoleUser user = existing(command.username());
        if (!user.enabled()) {
            throw new UserRejectedException(user.username() + " is disabled.");
        }
        if (user.passwordHash() == null) {
            throw new UserRejectedException(
                    user.username() + " signs in through single sign-on: Vigil keeps no password to change.");
        }
        if (command.currentPassword() == null || !encoder.matches(command.currentPassword(), user.passwordHash())) {
            throw new UserRejectedException("The current password is not right.");
        }
        UserRules.password(user.username(), command.newPassword());
        if (command.newPassword().equals(command.currentPassword())) {
            throw new UserRejectedException("The new password must differ from the current one.");
        }
        Instant now = clock.instant();
        store.updatePassword(user.username(), encoder.encode(command.newPassword()), false, now);
        publish(new UserPasswordChangedEvent(user.username(), user.username(), now));
    }

    private ConsoleUser existing(String username) {
        String name = UserRules.normalize(username);
        return store.findForUpdate(name).orElseThrow(() -> new UserRejectedException("There is no user " + name + "."));
    }

    private static Role role(Role role) {
        if (role == null) {
            throw new UserRejectedException("Choose a role: one of viewer, operator, analyst, approver, admin.");
        }
        return role;
    }

    private static String by(String by) {
        if (by == null || by.isBlank() || by.length() > MAX_BY) {
            throw new IllegalArgumentException(
                    "a user command names who sends it, in at most " + MAX_BY + " characters");
        }
        return by;
    }

    private static UserRejectedException lastAdmin(ConsoleUser user, String what) {
        return new UserRejectedException(user.username() + " is the last enabled admin and cannot be " + what
                + ": make another user admin first.");
    }

    private void publish(UserEvent event) {
        events.publish(GenericEventMessage.asEventMessage(event));
    }
}
