/**
 * What a risk model sees of a transaction: the ordered model features and their values, computed by the same code
 * online and in a training replay, with the long windows and label-derived risk kept per entity in daily buckets.
 */
package io.vigil.scoring.model;
