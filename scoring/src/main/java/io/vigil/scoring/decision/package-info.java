/**
 * The decision logic, with no I/O: fraud patterns compiled with CEL, evaluated against a transaction and its features,
 * and their effects and the allow and block lists turned into a risk decision.
 */
package io.vigil.scoring.decision;
