/** {@code ./vigil bench}: the scoring and monitoring benchmarks and the report that joins their figures. */
package io.vigil.tools.bench;
