package io.camelenos.component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests of the services that act as an EnOS user (IAM, App Portal): the component logs in as the emulator's OU admin
 * unless an endpoint says otherwise, and the tests move the emulator's clock over HTTP as a user of the standalone
 * emulator would.
 */
abstract class EnosUserTestSupport extends EnosTestSupport {

    static final String PASSWORD = "sim-password";
    static final String ADMIN_ACCOUNT = "admin@sim.enos";
    static final String ADMIN = "u16000000000001";
    static final String OPERATOR = "u16000000000002";
    /** The emulator's seeded users: admin, operator, disabled, expired, ldap.user. */
    static final int USERS = 5;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        EnosConfiguration c = context.getComponent("enos", EnosComponent.class).getConfiguration();
        c.setUserAccount(ADMIN_ACCOUNT);
        c.setUserPassword(PASSWORD);
        return context;
    }

    @AfterEach
    void resetClock() {
        sim.clock().reset();
    }

    /** Calls an operation and returns the answer's data. */
    JsonNode call(String uri, Object body) {
        return template.requestBody("enos:" + uri, body, JsonNode.class);
    }

    JsonNode call(String uri) {
        return call(uri, null);
    }

    /** Calls an operation that must fail, and returns the EnosApiException it threw. */
    EnosApiException failure(String uri, Object body) {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("enos:" + uri, body));
        return assertInstanceOf(EnosApiException.class, thrown.getCause(), thrown.toString());
    }

    static void assertFailure(EnosApiException error, int code, String msg) {
        assertEquals(code, error.getCode(), error.getMessage());
        assertTrue(error.getMsg().contains(msg), error.getMsg() + " should contain " + msg);
        assertTrue(error.getMessage().contains("code: " + code), error.getMessage());
    }

    /** Options that make an endpoint log in as another seeded user. */
    static String as(String account) {
        return "userAccount=RAW(" + account + ")&userPassword=RAW(" + PASSWORD + ")";
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** POST /__sim/clock {"advanceMillis": ...}: moves the emulator's clock (tokens and sessions age with it). */
    static void advanceClock(Duration duration) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__sim/clock"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceMillis\": " + duration.toMillis() + "}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
