/** The write side of monitoring: the Monitor and Alert aggregates. */
package io.vigil.analytics.command;
