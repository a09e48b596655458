/** The public REST API for monitors and alerts, and the chart images that notifications link to. */
package io.vigil.analytics.rest;
