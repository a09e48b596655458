/** The API keys' REST endpoints ({@code /api/v1/api-keys}), for scripts and {@code ./vigil api-key}. */
package io.vigil.access.rest;
