package io.camelenos.simulator.http;

import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps request paths to endpoints. DM-style endpoints dispatch on {@code ?action=}; REST-style ones on the HTTP
 * method; paths may hold {@code {name}} segments. Services register themselves here at start-up.
 */
public final class Router {

    private final Map<String, Endpoint> exact = new ConcurrentHashMap<>();
    private final List<Endpoint> templates = new ArrayList<>();

    /** The endpoint at a path, created on first use. {@code orgId} is required by default. */
    public synchronized Endpoint path(String path, Envelope envelope) {
        Endpoint existing = path.contains("{") ? findTemplate(path) : exact.get(path);
        if (existing != null) {
            return existing;
        }
        Endpoint endpoint = new Endpoint(path, envelope);
        if (path.contains("{")) {
            templates.add(endpoint);
        } else {
            exact.put(path, endpoint);
        }
        return endpoint;
    }

    private Endpoint findTemplate(String path) {
        return templates.stream().filter(t -> t.path.equals(path)).findFirst().orElse(null);
    }

    /** Finds the endpoint for a request and binds its path parameters; null when no path matches (HTTP 404). */
    public Endpoint match(SimRequest request) {
        Endpoint endpoint = exact.get(request.path());
        if (endpoint != null) {
            return endpoint;
        }
        String[] segments = request.path().split("/");
        for (Endpoint template : templates) {
            Map<String, String> params = template.bind(segments);
            if (params != null) {
                request.pathParams(params);
                return template;
            }
        }
        return null;
    }

    /** Every registered path with its actions, for the emulator's own coverage listing. */
    public synchronized Map<String, List<String>> describe() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<Endpoint> all = new ArrayList<>(exact.values());
        all.addAll(templates);
        all.sort((a, b) -> a.path.compareTo(b.path));
        for (Endpoint endpoint : all) {
            result.put(endpoint.path, endpoint.describe());
        }
        return result;
    }

    /** One path: its envelope, its action handlers and its plain method handlers. */
    public static final class Endpoint {
        private final String path;
        private final String[] segments;
        private final Envelope envelope;
        /** action → HTTP method → handler: an action may be served on two methods where EnOS's SDK and docs differ. */
        private final Map<String, Map<String, Handler>> actions = new HashMap<>();
        private final Map<String, Handler> methods = new HashMap<>();
        private boolean orgRequired = true;
        private boolean gatewayAuth = true;
        private boolean signatureOptional;

        Endpoint(String path, Envelope envelope) {
            this.path = path;
            this.segments = path.split("/");
            this.envelope = envelope;
        }

        /** Serves {@code ?action=name} with the given HTTP method (call again to serve it on another method too). */
        public Endpoint action(String name, String method, Handler handler) {
            actions.computeIfAbsent(name, n -> new TreeMap<>()).put(method.toUpperCase(Locale.ROOT), handler);
            return this;
        }

        /** Serves a plain HTTP method (no action parameter). */
        public Endpoint method(String method, Handler handler) {
            methods.put(method.toUpperCase(Locale.ROOT), handler);
            return this;
        }

        /** Whether a request without, or with a foreign, {@code orgId} is refused (true by default). */
        public Endpoint orgRequired(boolean required) {
            this.orgRequired = required;
            return this;
        }

        /** Whether the gateway's token and signature check applies (false for the token service and user logins). */
        public Endpoint gatewayAuth(boolean required) {
            this.gatewayAuth = required;
            return this;
        }

        public boolean gatewayAuth() {
            return gatewayAuth;
        }

        /**
         * Whether a call may carry the access token alone, without apim-timestamp and apim-signature (EnOS's HTTP
         * integration SDK calls the integration and files endpoints so). A signature that is sent is still checked.
         */
        public Endpoint signatureOptional(boolean optional) {
            this.signatureOptional = optional;
            return this;
        }

        public boolean signatureOptional() {
            return signatureOptional;
        }

        public Envelope envelope() {
            return envelope;
        }

        public boolean orgRequired() {
            return orgRequired;
        }

        /** The handler for a request: by action when the request names a known one, else by method. */
        public Handler handlerFor(SimRequest request) {
            String action = request.query("action");
            Map<String, Handler> byAction = action == null ? null : actions.get(action);
            if (byAction != null) {
                Handler handler = byAction.get(request.method());
                if (handler == null) {
                    throw ApiError.of(99405, "Method Not Allowed: action " + action + " takes "
                            + String.join(" or ", byAction.keySet()));
                }
                return handler;
            }
            Handler byMethod = methods.get(request.method());
            if (byMethod != null && (action == null || actions.isEmpty())) {
                return byMethod;
            }
            if (!actions.isEmpty()) {
                throw action == null || action.isEmpty()
                        ? ApiError.of(99400, "Invalid Argument action:action is missing")
                        : ApiError.invalidArgument("action", "unsupported action " + action);
            }
            throw ApiError.gateway(405, 405, "Method " + request.method() + " is not allowed on " + path);
        }

        Map<String, String> bind(String[] requestSegments) {
            if (requestSegments.length != segments.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (s.startsWith("{") && s.endsWith("}")) {
                    params.put(s.substring(1, s.length() - 1), requestSegments[i]);
                } else if (!s.equals(requestSegments[i])) {
                    return null;
                }
            }
            return params;
        }

        List<String> describe() {
            List<String> result = new ArrayList<>();
            methods.keySet().stream().sorted().forEach(m -> result.add(m));
            actions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> e.getValue().keySet().forEach(m -> result.add(m + " action=" + e.getKey())));
            return result;
        }

    }
}
