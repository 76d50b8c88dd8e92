package io.camelenos.component.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.client.EnosCounters;
import io.camelenos.component.client.RateLimiter;
import io.camelenos.component.client.TokenManager;
import io.camelenos.component.consumer.EnosConsumerStats;
import io.camelenos.component.state.Watermarks;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code enos} dev console (Camel JBang, {@code /q/dev}, the developer console of Camel Quarkus): per enos:
 * component its access tokens and their expiry, its rate limiters and its counters; per enos: consumer its polls,
 * failed polls, pages read, records routed, last error and (TSDB) its oldest and newest watermarks. Shows no secret and no token: app keys and expiry times only.
 */
@DevConsole(name = "enos", displayName = "EnOS", description = "EnOS component: tokens, rate limits, counters, consumers")
public class EnosDevConsole extends AbstractDevConsole {

    public EnosDevConsole() {
        super("camel", "enos", "EnOS", "EnOS component: tokens, rate limits, counters, consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, EnosComponent> entry : components().entrySet()) {
            EnosCounters c = entry.getValue().getCounters();
            text.append(String.format("Component %s: retries %d, 429 answers %d, rate-limit waits %d (%d ms), "
                                      + "token fetches %d%n", entry.getKey(), c.retries(), c.rateLimitedAnswers(),
                    c.rateLimitWaits(), c.rateLimitWaitMillis(), c.tokenFetches()));
            entry.getValue().getTokenManagers().forEach(t -> text.append(String.format(
                    "    token of %s at %s expires %s%n", t.appKey(), t.gatewayUrl(), expiry(t))));
        }
        for (Route route : consumerRoutes()) {
            JsonObject consumer = consumer(route);
            text.append(String.format("Consumer %s (%s): polls %s, failed %s, pages %s, records %s, last error %s%n",
                    route.getRouteId(), consumer.get("uri"), consumer.get("polls"), consumer.get("failedPolls"),
                    consumer.get("pages"), consumer.get("records"), consumer.getOrDefault("lastError", "none")));
            if (consumer.get("watermarks") instanceof JsonObject watermarks) {
                text.append(String.format("    watermarks of %s pairs: oldest %s, newest %s%n", watermarks.get("pairs"),
                        watermarks.getOrDefault("oldest", "none"), watermarks.getOrDefault("newest", "none")));
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray components = new JsonArray();
        components().forEach((name, component) -> components.add(component(name, component)));
        root.put("components", components);
        JsonArray consumers = new JsonArray();
        consumerRoutes().forEach(route -> consumers.add(consumer(route)));
        root.put("consumers", consumers);
        return root;
    }

    private Map<String, EnosComponent> components() {
        Map<String, EnosComponent> found = new TreeMap<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof EnosComponent enos) {
                found.put(name, enos);
            }
        }
        return found;
    }

    private static JsonObject component(String name, EnosComponent component) {
        JsonObject json = new JsonObject();
        json.put("name", name);
        EnosCounters c = component.getCounters();
        JsonObject counters = new JsonObject();
        counters.put("retries", c.retries());
        counters.put("rateLimitedAnswers", c.rateLimitedAnswers());
        counters.put("rateLimitWaits", c.rateLimitWaits());
        counters.put("rateLimitWaitMillis", c.rateLimitWaitMillis());
        counters.put("tokenFetches", c.tokenFetches());
        json.put("counters", counters);
        JsonArray tokens = new JsonArray();
        for (TokenManager t : component.getTokenManagers()) {
            JsonObject token = new JsonObject();
            token.put("gatewayUrl", t.gatewayUrl());
            token.put("appKey", t.appKey());
            token.put("expiresAt", expiry(t));
            tokens.add(token);
        }
        json.put("tokens", tokens);
        JsonArray limiters = new JsonArray();
        for (RateLimiter limiter : component.getRateLimiters()) {
            limiters.add(limiter.permitsPerSecond());
        }
        json.put("rateLimitsPerSecond", limiters);
        return json;
    }

    private List<Route> consumerRoutes() {
        return getCamelContext().getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof EnosEndpoint).toList();
    }

    private static JsonObject consumer(Route route) {
        JsonObject json = new JsonObject();
        json.put("routeId", route.getRouteId());
        json.put("uri", URISupport.sanitizeUri(route.getEndpoint().getEndpointUri()));
        if (route.getConsumer() instanceof ScheduledPollConsumer polling) {
            json.put("polls", polling.getCounter());
            json.put("successfulPolls", polling.getSuccessCounter());
            json.put("failedPolls", polling.getErrorCounter());
            lastError(polling).ifPresent(error -> json.put("lastError", oneLine(error.toString())));
        }
        if (route.getConsumer() instanceof EnosConsumerStats.Source source) {
            EnosConsumerStats stats = source.getStats();
            json.put("pages", stats.pages());
            json.put("records", stats.records());
            Watermarks.Summary watermarks = stats.watermarks();
            if (watermarks != null) {
                json.put("watermarks", watermarks(watermarks));
            }
        }
        return json;
    }

    /** How many (asset, point) pairs the consumer holds, and its oldest and newest watermark as instants. */
    private static JsonObject watermarks(Watermarks.Summary summary) {
        JsonObject json = new JsonObject();
        json.put("pairs", summary.pairs());
        if (summary.pairs() > 0) {
            json.put("oldest", Instant.ofEpochMilli(summary.oldest()).toString());
            json.put("newest", Instant.ofEpochMilli(summary.newest()).toString());
        }
        return json;
    }

    /** The consumer's last poll failure, as its health check reports it (Camel keeps the error itself protected). */
    private static Optional<Throwable> lastError(ScheduledPollConsumer polling) {
        HealthCheck check = polling.getHealthCheck();
        return check == null ? Optional.empty() : check.call().getError();
    }

    private static String expiry(TokenManager tokens) {
        Instant at = tokens.expiresAt();
        return at == null ? "no token held" : at.toString();
    }

    /** The gateway's text is untrusted: no line breaks reach the console. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
