/** {@code ./vigil patterns export|import|approve}: the published patterns as one file that teams keep in git. */
package io.vigil.tools.patterns;
