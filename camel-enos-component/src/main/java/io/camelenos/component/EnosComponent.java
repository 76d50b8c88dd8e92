package io.camelenos.component;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.UserAuth;
import io.camelenos.component.client.AppCredentials;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosCounters;
import io.camelenos.component.client.HttpEnosClient;
import io.camelenos.component.client.HttpTransport;
import io.camelenos.component.client.RateLimiter;
import io.camelenos.component.client.RetryPolicy;
import io.camelenos.component.client.TokenManager;
import io.camelenos.component.client.UserAuthenticator;
import io.camelenos.component.client.UserSession;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code enos:} component. Holds what every endpoint shares: one HTTP client (connection reuse), one access token
 * and one rate limiter per gateway and app key, and one user login per gateway, account and service.
 */
@Component("enos")
@ManagedResource(description = "EnOS component: what the client did besides the calls")
public class EnosComponent extends HealthCheckComponent {

    static final String QUERY_PREFIX = "query.";

    @Metadata
    private EnosConfiguration configuration = new EnosConfiguration();

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<AppKey, TokenManager> tokens = new ConcurrentHashMap<>();
    private final Map<AppKey, RateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private final Map<LoginKey, UserSession> userSessions = new ConcurrentHashMap<>();
    private final Map<HttpTransport, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();
    private final EnosCounters counters = new EnosCounters();

    /** Joining a context, the component tells it which of its options are secrets (see {@link EnosSecretOptions}). */
    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            EnosSecretOptions.register(context);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] parts = remaining.split("/", -1);
        EnosConfigurationValidator.check(parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty(),
                "service/operation", remaining, "the URI must be enos:service/operation");
        EnosConfiguration endpointConfiguration = configuration.copy();
        EnosEndpoint endpoint = new EnosEndpoint(uri, this, endpointConfiguration);
        endpoint.setService(parts[0]);
        endpoint.setOperation(parts[1]);
        if (EnosEndpoint.isApiCall(parts[0], parts[1])) {
            // enos:api/call takes the gateway service path as its "service" option
            endpoint.setCallService((String) parameters.remove("service"));
        }
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, QUERY_PREFIX);
        EnosOptionText.check(parameters);
        setProperties(endpoint, parameters);
        endpointConfiguration.getQueryParameters().putAll(query);
        EnosConfigurationValidator.validate(endpointConfiguration);
        endpoint.resolveOperation();
        EnosConfigurationValidator.validateUser(endpointConfiguration, endpoint.getResolvedOperation());
        return endpoint;
    }

    /** The built-in client for an endpoint's settings, sharing this component's HTTP clients, tokens and limits. */
    EnosClient createClient(EnosConfiguration c) {
        HttpTransport transport = transport(c);
        HttpClient http = httpClients.computeIfAbsent(transport,
                t -> t.newClient(Duration.ofMillis(configuration.getConnectTimeout())));
        AppCredentials credentials = new AppCredentials(c.getAppKey(), c.getAppSecret());
        AppKey key = new AppKey(c.getGatewayUrl(), credentials.fingerprint(), transport);
        // the first endpoint's credentials are kept; later ones with the same fingerprint are dropped here
        TokenManager tokenManager = tokens.computeIfAbsent(key, k -> new TokenManager(http,
                c.getGatewayUrl(), credentials, Duration.ofMillis(c.getTokenRefreshBefore()),
                Duration.ofMillis(c.getRequestTimeout()), Clock.systemUTC(), mapper, counters));
        RateLimiter limiter = c.getRateLimit() > 0
                ? rateLimiters.computeIfAbsent(key, k -> new RateLimiter(c.getRateLimit()))
                : null;
        RetryPolicy retry = new RetryPolicy(c.getMaxRetries(), Duration.ofMillis(c.getRetryInitialBackoff()),
                Duration.ofMillis(c.getRetryMaxBackoff()), Duration.ofMillis(c.getRetryAfterCap()));
        return new HttpEnosClient(http, c.getGatewayUrl(), tokenManager, limiter, retry,
                Duration.ofMillis(c.getRequestTimeout()), mapper, users(key, c), counters);
    }

    /** The endpoint's TLS and proxy settings: its own SSLContextParameters, else the global ones if asked for. */
    private HttpTransport transport(EnosConfiguration c) {
        SSLContextParameters parameters = c.getSslContextParameters();
        if (parameters == null && c.isUseGlobalSslContextParameters()) {
            parameters = getCamelContext().getSSLContextParameters();
        }
        return new HttpTransport(parameters == null ? null : sslContext(parameters), c.getProxyHost(),
                c.getProxyPort() == null ? 0 : c.getProxyPort(), c.getProxyUsername(), c.getProxyPassword());
    }

    /** One SSLContext per SSLContextParameters object, so that endpoints sharing them share one HTTP client. */
    private SSLContext sslContext(SSLContextParameters parameters) {
        synchronized (sslContexts) {
            SSLContext context = sslContexts.get(parameters);
            if (context == null) {
                try {
                    context = parameters.createSSLContext(getCamelContext());
                } catch (GeneralSecurityException | IOException e) {
                    throw new IllegalArgumentException("Invalid value for option sslContextParameters: cannot create "
                                                       + "the SSL context (" + e.getMessage() + ")", e);
                }
                sslContexts.put(parameters, context);
            }
            return context;
        }
    }

    /** The user credential of the endpoint; a login is shared by the endpoints with the same account and password. */
    private UserAuthenticator users(AppKey key, EnosConfiguration c) {
        String password = c.getUserPassword() == null ? null : AppCredentials.digest(c.getUserPassword());
        return new UserAuthenticator(c.getUserAccount(), c.getUserPassword(), c.getUserToken(),
                kind -> userSessions.computeIfAbsent(new LoginKey(key, c.getUserAccount(), password, kind),
                        k -> new UserSession()), mapper);
    }

    /**
     * What one access token and one rate limiter are shared by: the gateway, the app's credentials (by their
     * fingerprint, so that an endpoint with another secret never borrows a token, and the secret is not the key) and
     * the transport.
     */
    private record AppKey(String gatewayUrl, String credentials, HttpTransport transport) {
    }

    /** What one user login is shared by: the app, the account, a digest of its password, and IAM or App Portal. */
    private record LoginKey(AppKey app, String account, String passwordDigest, UserAuth kind) {
    }

    ObjectMapper getMapper() {
        return mapper;
    }

    @Override
    protected void doStop() throws Exception {
        // tokens die with the component; the JDK 17 HttpClient has no close(), it is released with its last user
        tokens.clear();
        rateLimiters.clear();
        userSessions.clear();
        httpClients.clear();
        synchronized (sslContexts) {
            sslContexts.clear();
        }
        super.doStop();
    }

    /** The access tokens this component holds, one per gateway and app key (for the dev console). */
    public List<TokenManager> getTokenManagers() {
        return List.copyOf(tokens.values());
    }

    /** The rate limiters this component holds, one per gateway and app key with a rateLimit (for the dev console). */
    public List<RateLimiter> getRateLimiters() {
        return List.copyOf(rateLimiters.values());
    }

    /** The counters of every built-in client of this component. */
    public EnosCounters getCounters() {
        return counters;
    }

    @ManagedAttribute(description = "Attempts repeated after a transient failure")
    public long getRetries() {
        return counters.retries();
    }

    @ManagedAttribute(description = "HTTP 429 answers from the gateway")
    public long getRateLimitedAnswers() {
        return counters.rateLimitedAnswers();
    }

    @ManagedAttribute(description = "Calls held back by the rateLimit option")
    public long getRateLimitWaits() {
        return counters.rateLimitWaits();
    }

    @ManagedAttribute(description = "Access tokens fetched or refreshed")
    public long getTokenFetches() {
        return counters.tokenFetches();
    }

    public EnosConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component's options, copied to every endpoint before its URI options are applied.
     */
    public void setConfiguration(EnosConfiguration configuration) {
        this.configuration = configuration;
    }
}
