package io.vigil.access.api;

/** Every console user, by username; answered with a {@link UserList}. */
public record FindUsersQuery() {}
