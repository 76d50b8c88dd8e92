package io.camelenos.component.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.EnosApiException;
import io.camelenos.component.catalog.UserAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link EnosClient} on the JDK HttpClient: signs every call with the app's access token, replays once
 * after an expired-token answer, adds the user's Authorization where the operation acts as a user (logging in again
 * once when the session ended), retries transient failures with backoff, and respects the shared rate limit.
 */
public final class HttpEnosClient implements EnosClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEnosClient.class);
    /** API codes of server-side failures that a later attempt may not hit (reference §3). */
    private static final int DM_INTERNAL_ERROR = 99500;
    private static final int TSDB_INTERNAL_ERROR = 80500;
    /** Query parameters that carry a credential: their values never reach a log. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("refreshToken", "accessToken", "password",
            "credentials");

    private final HttpClient http;
    private final String gatewayUrl;
    private final TokenManager tokens;
    private final RateLimiter rateLimiter;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final ObjectMapper mapper;
    private final UserAuthenticator users;
    private final EnosCounters counters;

    /**
     * A client whose requests act as no user.
     *
     * @param rateLimiter null for no rate limit
     */
    public HttpEnosClient(HttpClient http, String gatewayUrl, TokenManager tokens,
                          RateLimiter rateLimiter, RetryPolicy retryPolicy, Duration requestTimeout,
                          ObjectMapper mapper) {
        this(http, gatewayUrl, tokens, rateLimiter, retryPolicy, requestTimeout, mapper,
                UserAuthenticator.none(mapper));
    }

    /**
     * @param rateLimiter null for no rate limit
     * @param users       the user credential of IAM and PORTAL requests
     */
    public HttpEnosClient(HttpClient http, String gatewayUrl, TokenManager tokens,
                          RateLimiter rateLimiter, RetryPolicy retryPolicy, Duration requestTimeout,
                          ObjectMapper mapper, UserAuthenticator users) {
        this(http, gatewayUrl, tokens, rateLimiter, retryPolicy, requestTimeout, mapper, users,
                new EnosCounters());
    }

    /**
     * @param counters where retries, 429 answers and rate-limit waits are counted
     */
    public HttpEnosClient(HttpClient http, String gatewayUrl, TokenManager tokens,
                          RateLimiter rateLimiter, RetryPolicy retryPolicy, Duration requestTimeout,
                          ObjectMapper mapper, UserAuthenticator users, EnosCounters counters) {
        this.counters = counters;
        this.http = http;
        this.gatewayUrl = TokenManager.stripSlash(gatewayUrl);
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        this.mapper = mapper;
        this.users = users;
    }

    @Override
    public EnosReply send(EnosRequest request) {
        for (int retry = 0;; retry++) {
            try {
                return attempt(request);
            } catch (TransientFailure failure) {
                counters.failure(failure, retry < retryPolicy.maxRetries());
                if (retry >= retryPolicy.maxRetries()) {
                    throw failure.failure();
                }
                Duration delay = retryPolicy.delay(retry, failure.retryAfter());
                LOG.debug("Retry {} of {} in {} ms after: {}", retry + 1, retryPolicy.maxRetries(), delay.toMillis(),
                        failure.getMessage());
                sleep(delay);
            }
        }
    }

    private EnosReply attempt(EnosRequest request) {
        String user = users.authorization(request, this);
        try {
            return decode(request, exchangeSigned(request, user));
        } catch (EnosApiException e) {
            if (!users.isRejected(request, e)) {
                throw e;
            }
            // the user's session ended before its time (logout, expiry, a newer login): log in again and replay once
            LOG.debug("EnOS user session rejected ({}), logging in again and replaying {}", e.getCode(),
                    request.path());
            users.invalidate(request, user);
            return decode(request, exchangeSigned(request, users.authorization(request, this)));
        }
    }

    private HttpResponse<byte[]> exchangeSigned(EnosRequest request, String user) {
        String token = tokens.token();
        HttpResponse<byte[]> response = exchange(request, token, user);
        if (GatewayErrors.isTokenExpired(response, mapper)) {
            // the gateway may expire a token before its announced lifetime: fetch a new one and replay once
            LOG.debug("EnOS access token expired, fetching a new one and replaying {}", request.path());
            tokens.invalidate(token);
            response = exchange(request, tokens.token(), user);
        }
        return response;
    }

    /**
     * @param user the user's Authorization header, or null
     */
    private HttpResponse<byte[]> exchange(EnosRequest request, String token, String user) {
        if (rateLimiter != null) {
            counters.rateLimitWait(rateLimiter.acquire());
        }
        String query = queryString(request.query());
        long timestamp = System.currentTimeMillis();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gatewayUrl + request.path() + query))
                .timeout(requestTimeout)
                .header("apim-accesstoken", token)
                .header("apim-timestamp", Long.toString(timestamp))
                .header("apim-signature",
                        tokens.signature(token, request.query(), request.body(), timestamp));
        if (request.body() != null) {
            builder.header("Content-Type", "application/json;charset=UTF-8");
        }
        String authorization = request.userAuth() == UserAuth.APP_TOKEN ? "Bearer " + token : user;
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        // the masked copy is built only when the request line is logged: not on the hot path otherwise
        return send(request, builder.build(), LOG.isDebugEnabled() ? queryString(loggable(request.query())) : query);
    }

    /** The query with the values of credential parameters (App Portal's refreshToken, ...) masked, for logs. */
    private static Map<String, String> loggable(Map<String, String> query) {
        if (query.keySet().stream().noneMatch(SECRET_PARAMETERS::contains)) {
            return query;
        }
        Map<String, String> masked = new LinkedHashMap<>(query);
        masked.replaceAll((name, value) -> SECRET_PARAMETERS.contains(name) ? "***" : value);
        return masked;
    }

    private HttpResponse<byte[]> send(EnosRequest request, HttpRequest httpRequest, String query) {
        long start = System.nanoTime();
        try {
            // bytes straight into Jackson's byte parser: a page of i18n names as a String would be a UTF-16 copy
            // twice the size, parsed by the slower char-based parser
            HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug("EnOS {} {}{} -> HTTP {} in {} ms", request.method(), request.path(), query,
                    response.statusCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return response;
        } catch (IOException e) {
            LOG.debug("EnOS {} {}{} -> {}", request.method(), request.path(), query, e.toString());
            throw new TransientFailure(new UncheckedIOException("EnOS " + request.service() + "/"
                    + request.operation() + " failed: " + ConnectionFailures.describe(httpRequest.uri(), e), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while calling EnOS"));
        }
    }

    private EnosReply decode(EnosRequest request, HttpResponse<byte[]> response) {
        if (!GatewayErrors.isSuccess(response.statusCode())) {
            throw GatewayErrors.failure(response, mapper, request.service(), request.operation());
        }
        JsonNode root = GatewayErrors.parse(response.body(), mapper);
        if (!root.isObject()) {
            // a truncated or garbled body is a transport accident, like a dropped connection
            throw new TransientFailure(new EnosApiException(response.statusCode(), "Malformed response body", null,
                    response.statusCode(), request.service(), request.operation()));
        }
        EnosReply reply = EnvelopeReader.read(request.envelope(), response.statusCode(), root);
        LOG.debug("EnOS {}/{} -> code {}, requestId {}", request.service(), request.operation(), reply.code(),
                reply.requestId());
        if (EnvelopeReader.isSuccess(request.envelope(), reply.code())) {
            if (request.dataRequired() && (reply.data().isMissingNode() || reply.data().isNull())) {
                // an empty result would hide a gateway or version mismatch: the operation returns data
                throw new EnosApiException(reply.code(), "the answer has no data, which this operation returns",
                        reply.requestId(), response.statusCode(), request.service(), request.operation());
            }
            return reply;
        }
        EnosApiException error = new EnosApiException(reply.code(), reply.msg(), reply.requestId(),
                response.statusCode(), request.service(), request.operation());
        boolean transientCode = reply.code() == DM_INTERNAL_ERROR || reply.code() == TSDB_INTERNAL_ERROR;
        throw transientCode ? new TransientFailure(error) : error;
    }

    /** {@code ?a=1&b=2} with values percent-encoded (space as %20, which the gateway decodes like Java does). */
    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return joiner.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while waiting to retry EnOS"));
        }
    }
}
