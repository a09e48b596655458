package io.vigil.access.api;

import java.util.List;
import java.util.Optional;

/** Console users, by username. */
public record UserList(List<UserSummary> users) {

    public UserList {
        users = List.copyOf(users);
    }

    public Optional<UserSummary> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
