/** The access module's settings ({@code vigil.access}). */
package io.vigil.access.config;
