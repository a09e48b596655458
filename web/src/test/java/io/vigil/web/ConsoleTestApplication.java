package io.vigil.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration @WebMvcTest slices of the console start from. */
@SpringBootApplication
class ConsoleTestApplication {}
