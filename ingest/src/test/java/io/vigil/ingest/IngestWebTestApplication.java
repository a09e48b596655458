package io.vigil.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration the ingest module's @WebMvcTest slices start from. */
@SpringBootApplication
class IngestWebTestApplication {}
