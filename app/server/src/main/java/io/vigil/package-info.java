/**
 * The server assembly: {@link io.vigil.VigilApplication} puts ingest, patterns, scoring, analytics and the web console
 * into one Spring Boot application. It has no command-line tool in it (those are in app/tools).
 */
package io.vigil;
