/**
 * What a risk model sees of a transaction: the ordered model features, their values online and in replay (long
 * windows and label-derived risk included), and the training and evaluation of gradient-boosted trees on them.
 */
package io.vigil.scoring.model;
