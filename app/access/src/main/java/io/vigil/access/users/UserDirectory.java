package io.vigil.access.users;

import io.vigil.access.api.FindUsersQuery;
import io.vigil.access.api.UserList;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the user queries from the table itself: it is small, and every change is in it at once. */
@Component
class UserDirectory {

    private final UserStore store;

    UserDirectory(UserStore store) {
        this.store = store;
    }

    @QueryHandler
    UserList handle(FindUsersQuery query) {
        return new UserList(store.all());
    }
}
