package io.vigil.access.api;

/** Let a disabled user sign in again. */
public record EnableUserCommand(String username, String by) {}
