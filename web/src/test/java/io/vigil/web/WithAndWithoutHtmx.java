package io.vigil.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs a case twice: as a full page load (or a plain form post) and as an htmx request. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "HX-Request: {0}")
@ValueSource(booleans = {false, true})
public @interface WithAndWithoutHtmx {}
