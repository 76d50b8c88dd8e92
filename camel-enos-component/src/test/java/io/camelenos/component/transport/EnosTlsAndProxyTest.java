package io.camelenos.component.transport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosTestSupport;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.SimulatorTls;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS end to end against the emulator serving TLS: trusted through sslContextParameters (or the global ones),
 * refused when the certificate is not trusted or names another host; and plain HTTP and HTTPS through a local proxy.
 */
@Timeout(60)
class EnosTlsAndProxyTest extends CamelTestSupport {

    private static final String PROXY_PASSWORD = "canary-proxy-password-7f3a";

    @TempDir
    static Path dir;
    static EnosSimulator https;
    static EnosSimulator otherHost;
    static EnosSimulator http;
    static Path trustStore;
    static Path otherTrustStore;

    @BeforeAll
    static void startEmulators() {
        https = EnosSimulator.builder().port(0).assets(50).authMode(AuthMode.STRICT).tls(SimulatorTls.selfSigned())
                .build().start();
        otherHost = EnosSimulator.builder().port(0).assets(50).tls(SimulatorTls.selfSigned("other.example"))
                .build().start();
        http = EnosSimulator.builder().port(0).assets(50).build().start();
        trustStore = https.tls().writeTrustStore(dir.resolve("trust.p12"), "changeit");
        otherTrustStore = otherHost.tls().writeTrustStore(dir.resolve("other.p12"), "changeit");
    }

    @AfterAll
    static void stopEmulators() {
        https.close();
        otherHost.close();
        http.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("trusting", trusting(trustStore));
        context.getRegistry().bind("trustingOther", trusting(otherTrustStore));
        context.addComponent("enos", EnosTestSupport.componentFor(https));
        context.addComponent("enosOther", EnosTestSupport.componentFor(otherHost));
        context.addComponent("enosHttp", EnosTestSupport.componentFor(http));
        return context;
    }

    @Test
    void httpsWorksWhenTheEndpointTrustsTheCertificate() throws Exception {
        JsonNode asset = call("enos:asset/get?assetId=" + https.dataSet().assetId(3)
                              + "&sslContextParameters=#trusting");
        assertEquals(https.dataSet().assetId(3), asset.path("assetId").asText());
        assertTrue(https.baseUrl().startsWith("https://"));
    }

    @Test
    void httpsIsRefusedWhenTheCertificateIsNotTrusted() throws Exception {
        Exception e = assertThrows(Exception.class, () -> call("enos:asset/get?assetId=a1&maxRetries=0"));
        String messages = chain(e);
        assertTrue(messages.contains("TLS handshake with 127.0.0.1:" + https.port() + " failed"), messages);
        assertTrue(messages.contains("PKIX") || messages.contains("certification path"), messages);
    }

    @Test
    void httpsIsRefusedWhenTheCertificateNamesAnotherHost() throws Exception {
        Exception e = assertThrows(Exception.class,
                () -> call("enosOther:asset/get?assetId=a1&maxRetries=0&sslContextParameters=#trustingOther"));
        String messages = chain(e);
        assertTrue(messages.contains("TLS handshake with 127.0.0.1:" + otherHost.port() + " failed"), messages);
        assertTrue(messages.contains("127.0.0.1"), messages);
        assertTrue(messages.toLowerCase().contains("subject alternative names"), messages);
    }

    @Test
    void theGlobalSslContextParametersAreUsedWhenAskedFor() throws Exception {
        context.setSSLContextParameters(trusting(trustStore));
        JsonNode asset = call("enos:asset/get?assetId=" + https.dataSet().assetId(1)
                              + "&useGlobalSslContextParameters=true");
        assertEquals(https.dataSet().assetId(1), asset.path("assetId").asText());
        assertThrows(Exception.class, () -> call("enos:asset/get?assetId=a1&maxRetries=0"),
                "without useGlobalSslContextParameters the global ones are not used");
    }

    @Test
    void plainHttpGoesThroughAnAuthenticatingProxy() throws Exception {
        try (TestHttpProxy proxy = new TestHttpProxy("proxy-user", PROXY_PASSWORD)) {
            JsonNode asset = call("enosHttp:asset/get?assetId=" + http.dataSet().assetId(2)
                                  + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                                  + "&proxyUsername=proxy-user&proxyPassword=RAW(" + PROXY_PASSWORD + ")");
            assertEquals(http.dataSet().assetId(2), asset.path("assetId").asText());
            assertTrue(proxy.forwarded.get() >= 1, "requests forwarded by the proxy: " + proxy.forwarded.get());
            assertTrue(proxy.refused.get() >= 1, "the first request, without credentials, was refused");
        }
    }

    @Test
    void aWrongProxyPasswordFailsNamingTheProxyAnswerNotThePassword() throws Exception {
        try (TestHttpProxy proxy = new TestHttpProxy("proxy-user", "right")) {
            Exception e = assertThrows(Exception.class, () -> call("enosHttp:asset/get?assetId=a1&maxRetries=0"
                    + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyUsername=proxy-user&proxyPassword=RAW("
                    + PROXY_PASSWORD + ")"));
            String messages = chain(e);
            assertTrue(messages.contains("407"), messages);
            assertFalse(messages.contains(PROXY_PASSWORD), messages);
            assertEquals(0, proxy.forwarded.get());
        }
    }

    @Test
    void theProxyPasswordNeverReachesTheLogs() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (TestHttpProxy right = new TestHttpProxy("proxy-user", PROXY_PASSWORD);
             TestHttpProxy other = new TestHttpProxy("proxy-user", "another")) {
            String credentials = "&proxyUsername=proxy-user&proxyPassword=RAW(" + PROXY_PASSWORD + ")";
            call("enosHttp:asset/get?assetId=" + http.dataSet().assetId(5) + "&proxyHost=127.0.0.1&proxyPort="
                 + right.port() + credentials);
            assertThrows(Exception.class, () -> call("enosHttp:asset/get?assetId=a1&maxRetries=0&proxyHost=127.0.0.1"
                                                     + "&proxyPort=" + other.port() + credentials));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("-> HTTP 200"), "DEBUG request lines were captured: " + log);
        assertFalse(log.contains(PROXY_PASSWORD), "the proxy password was logged");
    }

    @Test
    void httpsGoesThroughAProxyTunnel() throws Exception {
        try (TestHttpProxy proxy = new TestHttpProxy(null, null)) {
            JsonNode asset = call("enos:asset/get?assetId=" + https.dataSet().assetId(4)
                                  + "&sslContextParameters=#trusting&proxyHost=127.0.0.1&proxyPort=" + proxy.port());
            assertEquals(https.dataSet().assetId(4), asset.path("assetId").asText());
            assertTrue(proxy.tunnels.get() >= 1, "CONNECT tunnels: " + proxy.tunnels.get());
        }
    }

    @Test
    void proxyOptionsAreCheckedAtStart() {
        assertTrue(chain(assertThrows(Exception.class, () -> call("enosHttp:asset/get?assetId=a&proxyHost=h")))
                .contains("proxyPort"));
        assertTrue(chain(assertThrows(Exception.class,
                () -> call("enosHttp:asset/get?assetId=a&proxyHost=h&proxyPort=70000"))).contains("70000"));
        String noPassword = chain(assertThrows(Exception.class,
                () -> call("enosHttp:asset/get?assetId=a&proxyHost=h&proxyPort=3128&proxyUsername=u")));
        assertTrue(noPassword.contains("proxyPassword"), noPassword);
        assertTrue(chain(assertThrows(Exception.class, () -> call("enosHttp:asset/get?assetId=a&proxyPort=3128")))
                .contains("proxyHost"));
    }

    private JsonNode call(String uri) throws Exception {
        String route = "direct:" + Math.abs(uri.hashCode());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(route).to(uri);
            }
        });
        return template.requestBody(route, null, JsonNode.class);
    }

    private static SSLContextParameters trusting(Path store) {
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource("file:" + store);
        keyStore.setPassword("changeit");
        keyStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(keyStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append(" | ");
        }
        return out.toString();
    }
}
