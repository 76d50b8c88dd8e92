package io.camelenos.app;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The API users of the test profile (application.properties, %test) and requests made as them. */
public final class TestUsers {

    public static final String WRITER = "test-writer";
    public static final String WRITER_PASSWORD = "test-writer-password";
    public static final String READER = "test-reader";
    public static final String READER_PASSWORD = "test-reader-password";

    private TestUsers() {
    }

    /** A request with the writer's credentials. */
    public static RequestSpecification asWriter() {
        return given().auth().preemptive().basic(WRITER, WRITER_PASSWORD);
    }

    /** A request with the reader's credentials. */
    public static RequestSpecification asReader() {
        return given().auth().preemptive().basic(READER, READER_PASSWORD);
    }
}
