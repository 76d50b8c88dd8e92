package io.camelenos.component;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelenos.component.catalog.ConsumerKind;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.PaginationStyle;
import io.camelenos.component.catalog.ParameterSpec;
import io.camelenos.component.catalog.ResultStyle;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageCursor;
import io.camelenos.component.consumer.EnosConsumerConfiguration;
import io.camelenos.component.consumer.EnosConsumers;
import io.camelenos.component.health.EnosConsumerHealthCheck;
import io.camelenos.component.health.EnosGatewayProbe;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Call the Envision EnOS IoT REST API: one catalogued operation per endpoint, or any API through api/call.
 */
@UriEndpoint(firstVersion = "4.17.0", scheme = "enos", title = "EnOS", syntax = "enos:service/operation",
             category = { Category.IOT, Category.CLOUD }, headersClass = EnosConstants.class)
public class EnosEndpoint extends ScheduledPollEndpoint {

    static final String API_SERVICE = "api";
    static final String API_CALL = "call";

    @UriPath(description = "The EnOS service: asset, asset-tree, model, connection, alert, tsdb, tsdb-policy, iam, "
                           + "app-portal, prediction, batch, data-federation, stream, or api for enos:api/call "
                           + "(which then takes the gateway service path, e.g. asset-service, as its service query "
                           + "option).")
    @Metadata(required = true)
    private String service;
    @UriPath(description = "The operation of the service, e.g. searchDevice, getAsset, search, raw; call for "
                           + "enos:api/call.")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private EnosConfiguration configuration;
    @UriParam
    private EnosConsumerConfiguration consumerConfiguration = new EnosConsumerConfiguration();

    private String callService;
    private EnosOperation resolved;
    private EnosClient client;

    public EnosEndpoint(String uri, EnosComponent component, EnosConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    static boolean isApiCall(String service, String operation) {
        return API_SERVICE.equals(service) && API_CALL.equals(operation);
    }

    /** Looks the operation up in the catalogue (or builds it for api/call); fails with the known names if absent. */
    void resolveOperation() {
        if (isApiCall(service, operation)) {
            resolved = apiCallOperation();
            return;
        }
        EnosCatalog catalog = EnosCatalog.defaultCatalog();
        if (!catalog.services().contains(service)) {
            throw new IllegalArgumentException("Unknown EnOS service " + LogSafe.abbreviate(service) + " in enos:"
                                               + LogSafe.abbreviate(service + "/" + operation) + "; services: "
                                               + String.join(", ", catalog.services()) + ", and api (enos:api/call)");
        }
        resolved = catalog.find(service, operation).orElseThrow(() -> new IllegalArgumentException(
                "Unknown EnOS operation " + LogSafe.abbreviate(service + "/" + operation) + "; operations of service "
                + service + ": " + catalog.namesOf(service)));
        EnosConfigurationValidator.check(!configuration.isFollowDownload() || EnosDownloadFollower.follows(resolved),
                "followDownload", true, "applies to enos:" + EnosDownloadFollower.REQUEST + " only, not to enos:"
                                        + resolved.key());
    }

    private EnosOperation apiCallOperation() {
        String c = "enos:api/call";
        EnosConfigurationValidator.check(callService != null && !callService.isBlank(), "service", callService,
                c + " needs the gateway service path, e.g. service=asset-service");
        EnosConfigurationValidator.check(configuration.getVersion() != null, "version", null, c + " needs a version");
        EnosConfigurationValidator.check(configuration.getPath() != null, "path", null, c + " needs a path");
        EnosConfigurationValidator.check(List.of("GET", "POST", "PUT", "DELETE").contains(configuration.getMethod()),
                "method", configuration.getMethod(), "must be GET, POST, PUT or DELETE");
        String path = configuration.getPath().startsWith("/") ? configuration.getPath().substring(1)
                : configuration.getPath();
        // with no catalogue entry to say where parameters go, every parameter option set goes in the query string
        List<ParameterSpec> query = EnosRequestParameters.options().stream()
                .filter(option -> !EnosRequestParameters.ORG_ID.equals(option))
                .map(option -> new ParameterSpec(option, option, false)).toList();
        return new EnosOperation(API_SERVICE, API_CALL, List.of(), callService, configuration.getVersion(),
                configuration.getMethod(), path, configuration.getAction(), query, List.of(),
                configuration.getEnvelope(), PaginationStyle.NONE, "", 1, "/pagination", true,
                configuration.getUserAuth(), null, null, ResultStyle.DATA, ConsumerKind.NONE);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = configuration.getClient() != null
                ? configuration.getClient()
                : getComponent().createClient(configuration);
    }

    @Override
    protected void doStop() throws Exception {
        // an injected client belongs to whoever created it; the built-in one holds nothing to release
        client = null;
        super.doStop();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new EnosProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = EnosConsumers.create(this, processor);
        configureConsumer(consumer);
        if (consumer instanceof ScheduledPollConsumer polling) {
            polling.setHealthCheck(new EnosConsumerHealthCheck(polling));
        }
        return consumer;
    }

    @Override
    public EnosComponent getComponent() {
        return (EnosComponent) super.getComponent();
    }

    // ---- what the consumers (package consumer) build their requests with: public on the endpoint that owns it

    /** The catalogued operation of this endpoint (or the one built for api/call), once the endpoint is created. */
    public EnosOperation getResolvedOperation() {
        return resolved;
    }

    /** The client that sends this endpoint's requests, while the endpoint is started. */
    public EnosClient getClient() {
        return client;
    }

    /** The component's JSON mapper. */
    public ObjectMapper getMapper() {
        return getComponent().getMapper();
    }

    /**
     * The requests of an operation's pages, built exactly as the producer builds them, with every parameter taken
     * from options (there is no message to carry headers).
     *
     * @param operation this endpoint's own operation, or another one (e.g. the asset search of a TSDB consumer)
     * @param options   the options to read parameters from
     * @param baseBody  a JSON object every request body starts from, or null
     */
    public Function<PageCursor, EnosRequest> createPageRequests(EnosOperation operation, EnosConfiguration options,
                                                                String baseBody) {
        EnosRequestFactory factory = new EnosRequestFactory(getMapper(), operation, options);
        JsonNode base = parseBody(baseBody);
        Message none = new DefaultMessage(getCamelContext());
        return cursor -> factory.create(none, base, cursor);
    }

    /** Turns a record (or page) into the body type chosen with the outputType option. */
    public Function<JsonNode, Object> createConverter() {
        return new EnosResultMapper(getMapper(), configuration.getOutputType())::convert;
    }

    private JsonNode parseBody(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return getMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw EnosOptionCheck.invalid("body", body, "is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A probe of the gateway with this endpoint's credentials and org id; the built-in client it uses never retries.
     * Public for applications that build their own readiness on an {@code EnosProducerHealthCheck}.
     */
    public EnosGatewayProbe createProbe() {
        EnosConfiguration once = configuration.copy();
        once.setMaxRetries(0);
        EnosClient probeClient = configuration.getClient() != null ? configuration.getClient()
                : getComponent().createClient(once);
        return new EnosGatewayProbe(probeClient, configuration.getOrgId());
    }

    public String getService() {
        return service;
    }

    /**
     * The EnOS service of the operation.
     */
    public void setService(String service) {
        this.service = service;
    }

    public String getOperation() {
        return operation;
    }

    /**
     * The operation of the service.
     */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    void setCallService(String callService) {
        this.callService = callService;
    }

    public EnosConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's options.
     */
    public void setConfiguration(EnosConfiguration configuration) {
        this.configuration = configuration;
    }

    public EnosConsumerConfiguration getConsumerConfiguration() {
        return consumerConfiguration;
    }

    /**
     * The options of the polling consumers.
     */
    public void setConsumerConfiguration(EnosConsumerConfiguration consumerConfiguration) {
        this.consumerConfiguration = consumerConfiguration;
    }
}
