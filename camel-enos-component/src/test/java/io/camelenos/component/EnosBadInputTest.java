package io.camelenos.component;

import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.http.Reply;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad URIs, options, bodies and gateway answers: each fails at route start (options) or at the first call (answers),
 * with a message naming the option or field and the value, and nothing hangs.
 */
class EnosBadInputTest extends EnosTestSupport {

    private static final String IN_A_DAY = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
            .toString();
    private static final String TSDB = "enos:tsdb/read?assetIds=a1&pointIds=p1&startTime=P1D";

    @BeforeAll
    static void serveBadAnswers() {
        // a catalogue read answering without data (this class's own emulator)
        sim.router().path("/connect-service/v2.1/products", Envelope.DM)
                .action("get", "GET", r -> Reply.bytes(200, "application/json",
                        "{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r-product\"}".getBytes()));
        sim.router().path("/bad-service/v2.1/answers", Envelope.DM)
                .action("get", "GET", r -> Reply.bytes(200, "application/json",
                        "{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r-no-data\"}".getBytes()))
                .action("search", "POST", r -> Reply.bytes(200, "application/json",
                        "{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r-null-data\",\"data\":null}".getBytes()))
                .action("html", "GET", r -> Reply.bytes(200, "text/html", "<html>gateway</html>".getBytes()))
                .action("forged", "GET", r -> Reply.bytes(200, "application/json",
                        "{\"code\":99400,\"msg\":\"bad\\n[main] INFO forged line\",\"requestId\":\"r-f\"}".getBytes()))
                .action("business", "GET", r -> Reply.bytes(200, "application/json",
                        "{\"code\":99400,\"msg\":\"Invalid Argument assetId\",\"requestId\":\"r-400\"}".getBytes()));
    }

    /** Options and URIs refused when the route starts: {uri, from (consumer) or to (producer), fragments}. */
    static Stream<Arguments> badOptions() {
        List<Arguments> cases = new ArrayList<>();
        // the URI itself
        producer(cases, "enos:assett/search", "assett", "services: ", "asset-tree");
        producer(cases, "enos:asset/serch", "asset/serch", "search, update");
        producer(cases, "enos:asset", "enos:service/operation", "asset");
        producer(cases, "enos:asset/get?noSuchOption=1", "noSuchOption");
        // whole numbers, never read as durations
        producer(cases, "enos:asset/get?maxRetries=abc", "maxRetries", "abc");
        producer(cases, "enos:asset/get?maxRetries=5m", "maxRetries", "5m");
        producer(cases, "enos:asset/get?maxRetries=-1", "maxRetries", "-1");
        producer(cases, "enos:asset/get?maxRetries=1000", "maxRetries", "1000");
        producer(cases, "enos:asset/get?maxRetries=2.5", "maxRetries", "2.5");
        producer(cases, "enos:asset/search?pageSize=abc", "pageSize", "abc");
        producer(cases, "enos:asset/search?pageSize=0", "pageSize", "0");
        producer(cases, "enos:asset/search?pageSize=-5", "pageSize", "-5");
        producer(cases, "enos:asset/search?pageSize=99999999999", "pageSize", "99999999999");
        producer(cases, "enos:asset/search?pageNo=first", "pageNo", "first");
        producer(cases, "enos:asset/search?pageNo=-1", "pageNo", "-1");
        producer(cases, "enos:asset/search?scope=-1", "scope", "-1");
        producer(cases, "enos:asset/search?scope=all", "scope", "all");
        // times in milliseconds: a number or a duration, nothing else
        producer(cases, "enos:asset/get?connectTimeout=abc", "connectTimeout", "abc");
        producer(cases, "enos:asset/get?connectTimeout=0", "connectTimeout", "0");
        producer(cases, "enos:asset/get?requestTimeout=-1", "requestTimeout", "-1");
        producer(cases, "enos:asset/get?requestTimeout=5x", "requestTimeout", "5x");
        producer(cases, "enos:asset/get?retryInitialBackoff=0", "retryInitialBackoff", "0");
        producer(cases, "enos:asset/get?retryInitialBackoff=20000&retryMaxBackoff=100", "retryInitialBackoff",
                "20000", "retryMaxBackoff");
        producer(cases, "enos:asset/get?retryAfterCap=-1", "retryAfterCap", "-1");
        producer(cases, "enos:asset/get?tokenRefreshBefore=soon", "tokenRefreshBefore", "soon");
        producer(cases, "enos:asset/get?downloadPollInterval=0", "downloadPollInterval", "0");
        producer(cases, "enos:asset/get?downloadTimeout=later", "downloadTimeout", "later");
        producer(cases, "enos:asset/get?rateLimit=fast", "rateLimit", "fast");
        producer(cases, "enos:asset/get?rateLimit=-1", "rateLimit", "-1");
        producer(cases, "enos:asset/get?rateLimit=NaN", "rateLimit", "NaN");
        // the gateway
        producer(cases, "enos:asset/get?gatewayUrl=ftp://gateway.example", "gatewayUrl", "ftp://gateway.example");
        producer(cases, "enos:asset/get?gatewayUrl=gateway", "gatewayUrl", "gateway");
        producer(cases, "enos:asset/get?gatewayUrl=RAW(http://gw.example/?x=1)", "gatewayUrl", "x=1");
        producer(cases, "enos:asset/get?followDownload=true", "followDownload", "asset/get");
        // selections
        producer(cases, "enos:asset/get?orgId=RAW( )", "orgId", "' '");
        producer(cases, "enos:asset/search?expression=RAW(  )", "expression", "'  '");
        producer(cases, "enos:tsdb/raw?assetIds=a,,b&pointIds=p", "assetIds", "a,,b");
        producer(cases, "enos:tsdb/raw?assetIds=a&pointIds=p1,", "pointIds", "p1,");
        producer(cases, "enos:asset/search?projection=,name", "projection", ",name");
        producer(cases, "enos:tsdb/raw?assetIds=a&pointIds=p&startTime=yesterday", "startTime", "yesterday");
        producer(cases, "enos:tsdb/raw?assetIds=a&pointIds=p&endTime=2024-13-01T00:00:00Z", "endTime",
                "2024-13-01T00:00:00Z");
        producer(cases, "enos:tsdb/raw?assetIds=a&pointIds=p&startTime=2024-02-01 00:00:00&endTime=2024-01-01 00:00:00",
                "startTime", "2024-02-01 00:00:00", "endTime");
        // enos:api/call and users
        producer(cases, "enos:api/call?version=v2.1&path=assets", "service", "asset-service");
        producer(cases, "enos:api/call?service=asset-service&path=assets", "version");
        producer(cases, "enos:api/call?service=asset-service&version=v2.1&path=assets&method=PATCH", "method",
                "PATCH");
        producer(cases, "enos:iam/listUserOrganization?userAccount=alice", "userPassword", "userAccount");
        producer(cases, "enos:iam/listUserOrganization", "userAccount", "userToken");
        // consumers
        consumer(cases, "enos:asset/search?parallelPages=0", "parallelPages", "0");
        consumer(cases, "enos:asset/search?parallelPages=many", "parallelPages", "many");
        producer(cases, "enos:asset/search?fetchAll=true&parallelPages=65", "parallelPages", "65", "64");
        consumer(cases, "enos:asset/search?changesOnly=true&splitResult=false", "changesOnly", "splitResult");
        consumer(cases, "enos:asset/search?body={scope", "body", "{scope");
        consumer(cases, "enos:asset/search?body=[1,2]", "body", "[1,2]", "JSON object");
        consumer(cases, "enos:asset/search?recordKey=RAW( )", "recordKey", "' '");
        consumer(cases, "enos:asset/search?stateKey=a=b", "stateKey", "a=b");
        consumer(cases, "enos:asset/search?assetExpression=x", "assetExpression", "TSDB");
        consumer(cases, "enos:asset/search?delay=often", "delay", "often");
        consumer(cases, "enos:asset/search?repeatCount=once", "repeatCount", "once");
        consumer(cases, "enos:asset/search?maxMessagesPerPoll=all", "maxMessagesPerPoll", "all");
        consumer(cases, "enos:asset/search?backoffMultiplier=x2", "backoffMultiplier", "x2");
        consumer(cases, "enos:asset/get?assetId=a1", "asset/get", "has no consumer");
        consumer(cases, TSDB + "&itemFormat=2", "itemFormat", "2");
        consumer(cases, TSDB + "&lookback=-1", "lookback", "-1");
        consumer(cases, TSDB + "&lookback=late", "lookback", "late");
        consumer(cases, "enos:tsdb/read?assetIds=a1&pointIds=p1", "startTime");
        consumer(cases, "enos:tsdb/read?assetIds=a1&startTime=P1D", "pointIds");
        consumer(cases, "enos:tsdb/read?pointIds=p1&startTime=P1D", "assetIds", "assetExpression");
        consumer(cases, "enos:tsdb/read?assetIds=a1&pointIds=p1&startTime=P1D&endTime=P2D", "startTime", "P1D",
                "endTime", "P2D");
        consumer(cases, "enos:tsdb/read?assetIds=a1&pointIds=p1&startTime=P1D&endTime=" + IN_A_DAY, "endTime",
                IN_A_DAY, "future");
        consumer(cases, "enos:tsdb/read?assetIds=a1&pointIds=p1&startTime=" + IN_A_DAY, "startTime", IN_A_DAY,
                "future");
        consumer(cases, "enos:tsdb/read?assetIds=a1&pointIds=p1&startTime=2024-01-01 00:00:00", "startTime",
                "2024-01-01 00:00:00");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badOptions")
    @Timeout(20)
    void badOptionFailsTheRouteAtStartNamingOptionAndValue(String direction, String uri, List<String> fragments) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (direction.equals("from")) {
                    from(uri).to("log:never");
                } else {
                    from("direct:in").to(uri);
                }
            }
        }));
        assertMentions(e, fragments);
    }

    /** One refusal from each place options are checked: {from or to, uri, option, value as shown}. */
    static Stream<Arguments> refusalsFromEachCheck() {
        return Stream.of(
                Arguments.of("to", "enos:asset/get?maxRetries=abc", "maxRetries", "'abc'"), // option text
                Arguments.of("to", "enos:asset/get?maxRetries=-1", "maxRetries", "'-1'"), // bound values
                Arguments.of("to", "enos:tsdb/raw?assetIds=a&pointIds=p&startTime=yesterday", "startTime",
                        "'yesterday'"), // times
                Arguments.of("to", "enos:asset/get?followDownload=true", "followDownload", "'true'"), // operation
                Arguments.of("to", "enos:asset/get?gatewayUrl=RAW(http://user:pa55@gw.example)", "gatewayUrl",
                        "(not shown)"), // may hold a password
                Arguments.of("to", "enos:asset/get?appSecret=RAW( )", "appSecret", "(not shown)"),
                Arguments.of("to", "enos:asset/get?proxyHost=proxy.example&proxyPort=3128&proxyUsername=u",
                        "proxyPassword", "unset"),
                Arguments.of("from", "enos:asset/search?partition=3/2", "partition", "'3/2'"), // partitions
                Arguments.of("from", "enos:asset/search?stateKey=a=b", "stateKey", "'a=b'"), // consumers
                Arguments.of("from", "enos:asset/search?body={scope", "body", "'{scope'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusalsFromEachCheck")
    @Timeout(20)
    void everyCheckRefusesAnOptionInTheOneFormat(String direction, String uri, String option, String shown) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (direction.equals("from")) {
                    from(uri).to("log:never");
                } else {
                    from("direct:in").to(uri);
                }
            }
        }));
        String prefix = "Invalid value for option " + option + ": " + shown + " (";
        Throwable refusal = e;
        while (refusal != null && !(refusal instanceof IllegalArgumentException
                                     && refusal.getMessage().startsWith("Invalid value for option "))) {
            refusal = refusal.getCause();
        }
        assertTrue(refusal != null, "no refusal in the one format in: " + chain(e));
        assertTrue(refusal.getMessage().startsWith(prefix) && refusal.getMessage().endsWith(")"),
                "expected " + prefix + "...): " + refusal.getMessage());
        assertFalse(chain(e).contains("pa55"), chain(e));
    }

    /** Gateway answers refused at the first call: {uri, fragments}. */
    static Stream<Arguments> badAnswers() {
        String call = "enos:api/call?service=bad-service&version=v2.1&path=answers&maxRetries=0&";
        return Stream.of(
                Arguments.of(call + "method=GET&action=get", List.of("api/call", "no data", "r-no-data")),
                Arguments.of(call + "method=POST&action=search", List.of("api/call", "no data", "r-null-data")),
                Arguments.of(call + "method=GET&action=html", List.of("Malformed response body", "api/call")),
                Arguments.of(call + "method=GET&action=business", List.of("99400", "Invalid Argument assetId",
                        "r-400")),
                Arguments.of("enos:api/call?service=bad-service&version=v2.1&path=nowhere&method=GET&maxRetries=0",
                        List.of("HTTP 404", "api/call")),
                Arguments.of("enos:asset/get?assetId=a1&maxRetries=0&gatewayUrl=RAW(http://127.0.0.1:" + closedPort()
                             + ")", List.of("127.0.0.1:", "cannot connect", "ConnectException")),
                Arguments.of("enos:asset/get?assetId=a1&maxRetries=0&gatewayUrl=RAW(http://no-such-host.invalid:8080)",
                        List.of("no-such-host.invalid", "unknown host")),
                Arguments.of("enos:connection/getProduct?productKey=pk1&maxRetries=0", List.of("connection/getProduct",
                        "no data", "r-product")),
                Arguments.of("enos:asset/get?assetId=nope&maxRetries=0", List.of("asset/get", "99404", "nope")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    @Timeout(20)
    void badAnswerFailsTheFirstCallNamingWhatWasWrong(String uri, List<String> fragments) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(uri);
            }
        });
        Exception e = assertThrows(Exception.class, () -> template.requestBody("direct:call", (Object) null));
        assertMentions(e, fragments);
        assertFalse(chain(e).contains(sim.appSecret()), "the secret in: " + chain(e));
    }

    @org.junit.jupiter.api.Test
    void aGatewayMessageCannotForgeALogLine() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:forged").to("enos:api/call?service=bad-service&version=v2.1&path=answers&method=GET"
                                         + "&action=forged&maxRetries=0");
            }
        });
        Exception e = assertThrows(Exception.class, () -> template.requestBody("direct:forged", (Object) null));
        String messages = chain(e);
        assertTrue(messages.contains("bad\\n[main] INFO forged line"), messages);
        assertFalse(messages.contains("\n[main]"), messages);
    }

    private static void producer(List<Arguments> cases, String uri, String... fragments) {
        cases.add(Arguments.of("to", uri, List.of(fragments)));
    }

    private static void consumer(List<Arguments> cases, String uri, String... fragments) {
        cases.add(Arguments.of("from", uri, List.of(fragments)));
    }

    private static void assertMentions(Exception e, List<String> fragments) {
        String messages = chain(e);
        for (String fragment : fragments) {
            assertTrue(messages.contains(fragment), "'" + fragment + "' not in: " + messages);
        }
    }

    /** The messages of the exception and its causes: Camel wraps the component's own. */
    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append(" | ");
        }
        return out.toString();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
