package io.vigil.access.api;

/** Stop a user from signing in and end their sessions. Refused for the last enabled admin. */
public record DisableUserCommand(String username, String by) {}
