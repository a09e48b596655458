package io.vigil.access.api;

/** Give a user another role. Refused when it would leave no enabled admin. */
public record ChangeUserRoleCommand(String username, Role role, String by) {}
