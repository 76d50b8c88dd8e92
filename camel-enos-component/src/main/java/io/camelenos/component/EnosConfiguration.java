package io.camelenos.component;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.Envelope;
import io.camelenos.component.catalog.UserAuth;
import io.camelenos.component.client.EnosClient;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the {@code enos:} component and its endpoints. The component holds one instance; each endpoint gets a
 * {@link #copy()} with its URI options applied on top. The options are grouped by concern, fields and accessors in the
 * same order. {@code @Configurer} has Camel generate {@code EnosConfigurationConfigurer}, through which the request
 * parameters are read by name ({@link EnosRequestParameters}).
 */
@UriParams
@Configurer(extended = true)
public class EnosConfiguration implements Cloneable {

    // ---- connection and authentication

    @UriParam(label = "common")
    private String gatewayUrl;
    @UriParam(label = "common")
    private String orgId;
    @UriParam(label = "security", secret = true)
    private String appKey;
    @UriParam(label = "security", secret = true)
    private String appSecret;
    @UriParam(label = "security", secret = true)
    private String userAccount;
    @UriParam(label = "security", secret = true)
    private String userPassword;
    @UriParam(label = "security", secret = true)
    private String userToken;
    @UriParam(label = "security", defaultValue = "600000")
    private long tokenRefreshBefore = 600000L;

    // ---- request parameters: sent by the operations whose catalogue entry names them (EnosRequestParameters), each
    // overridable per message by its CamelEnos* header; common when an operation with a consumer sends it

    @UriParam(label = "common")
    private String assetId;
    @UriParam(label = "common")
    private String treeId;
    @UriParam(label = "producer")
    private String parentAssetId;
    @UriParam(label = "common")
    private String productKey;
    @UriParam(label = "common")
    private String deviceKey;
    @UriParam(label = "common")
    private String modelId;
    @UriParam(label = "producer")
    private String modelIds;
    @UriParam(label = "common")
    private String expression;
    @UriParam(label = "common")
    private String projection;
    @UriParam(label = "common")
    private String assetIds;
    @UriParam(label = "common")
    private String pointIds;
    @UriParam(label = "common")
    private String startTime;
    @UriParam(label = "common")
    private String endTime;
    @UriParam(label = "producer")
    private String eventId;
    @UriParam(label = "producer")
    private String commandId;
    @UriParam(label = "producer")
    private String policyId;
    @UriParam(label = "producer")
    private Boolean isPatchUpdate;
    @UriParam(label = "common")
    private Integer scope;
    @UriParam(label = "common")
    private String userId;
    @UriParam(label = "producer")
    private String serviceId;
    @UriParam(label = "producer")
    private String flowId;
    @UriParam(label = "producer")
    private String flowInstanceId;
    @UriParam(label = "producer")
    private String taskInstanceId;
    @UriParam(label = "producer")
    private String channelId;
    @UriParam(label = "producer")
    private String channelType;
    @UriParam(label = "producer")
    private String dataSourceName;
    @UriParam(label = "producer")
    private String sqlQuery;
    @UriParam(label = "producer")
    private String jobId;
    @UriParam(label = "producer")
    private String taskId;
    @UriParam(label = "producer")
    private String pipelineId;
    @UriParam(label = "producer")
    private String stageInstanceName;
    @UriParam(label = "common")
    private String accessKey;
    @UriParam(label = "producer")
    private String email;
    @UriParam(label = "producer,security", secret = true)
    private String refreshToken;
    @UriParam(label = "common", prefix = "query.", multiValue = true)
    private Map<String, Object> queryParameters = new HashMap<>();

    // ---- paging

    @UriParam(label = "common")
    private Integer pageSize;
    @UriParam(label = "producer")
    private Integer pageNo;
    @UriParam(label = "producer")
    private String pageToken;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean fetchAll = false;
    @UriParam(label = "common", defaultValue = "4")
    private int parallelPages = 4;

    // ---- consumer and producer results (the consumers' own options are in EnosConsumerConfiguration)

    @UriParam(label = "common", defaultValue = "com.fasterxml.jackson.databind.JsonNode")
    private Class<?> outputType = JsonNode.class;

    // ---- producer: followed downloads, and the enos:api/call request

    @UriParam(label = "producer", defaultValue = "false")
    private boolean followDownload;
    @UriParam(label = "producer", defaultValue = "1000")
    private long downloadPollInterval = 1000L;
    @UriParam(label = "producer", defaultValue = "600000")
    private long downloadTimeout = 600000L;
    @UriParam(label = "producer")
    private String version;
    @UriParam(label = "producer", defaultValue = "POST", enums = "GET,POST,PUT,DELETE")
    private String method = "POST";
    @UriParam(label = "producer")
    private String path;
    @UriParam(label = "producer")
    private String action;
    @UriParam(label = "producer", defaultValue = "CODE")
    private Envelope envelope = Envelope.CODE;
    @UriParam(label = "producer", defaultValue = "NONE")
    private UserAuth userAuth = UserAuth.NONE;

    // ---- TLS and proxy

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyPassword;

    // ---- advanced: timeouts, retries, rate limit, a custom client

    @UriParam(label = "advanced", defaultValue = "10000")
    private long connectTimeout = 10000L;
    @UriParam(label = "advanced", defaultValue = "30000")
    private long requestTimeout = 30000L;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "500")
    private long retryInitialBackoff = 500L;
    @UriParam(label = "advanced", defaultValue = "10000")
    private long retryMaxBackoff = 10000L;
    @UriParam(label = "advanced", defaultValue = "30000")
    private long retryAfterCap = 30000L;
    @UriParam(label = "advanced", defaultValue = "0")
    private double rateLimit = 0;
    @UriParam(label = "advanced")
    private EnosClient client;

    // ---- connection and authentication

    public String getGatewayUrl() {
        return gatewayUrl;
    }

    /**
     * The EnOS API gateway base URL, e.g. https://apim-ppe1.eniot.io. Required unless a client is set.
     */
    public void setGatewayUrl(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public String getOrgId() {
        return orgId;
    }

    /**
     * The EnOS organization (OU) id sent as the orgId query parameter of every call.
     */
    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getAppKey() {
        return appKey;
    }

    /**
     * The application's access key (AccessKey of the service account). Required unless a client is set.
     */
    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public String getAppSecret() {
        return appSecret;
    }

    /**
     * The application's secret key; used only to sign requests, never logged. Required unless a client is set.
     */
    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public String getUserAccount() {
        return userAccount;
    }

    /**
     * The EnOS user account (e.g. an email) the component logs in with for the IAM and App Portal operations that need a user (see the README's User logins); with userPassword.
     */
    public void setUserAccount(String userAccount) {
        this.userAccount = userAccount;
    }

    public String getUserPassword() {
        return userPassword;
    }

    /**
     * The password of userAccount; sent only in the login request body, never logged.
     */
    public void setUserPassword(String userPassword) {
        this.userPassword = userPassword;
    }

    public String getUserToken() {
        return userToken;
    }

    /**
     * A user credential obtained elsewhere, sent instead of logging in: an IAM session id for iam operations, an App Portal access token for app-portal operations. Not renewed by the component.
     */
    public void setUserToken(String userToken) {
        this.userToken = userToken;
    }

    public long getTokenRefreshBefore() {
        return tokenRefreshBefore;
    }

    /**
     * Milliseconds before expiry at which the access token is refreshed; at most a quarter of the token's lifetime is used, so short-lived tokens are not refreshed on every call.
     */
    public void setTokenRefreshBefore(long tokenRefreshBefore) {
        this.tokenRefreshBefore = tokenRefreshBefore;
    }

    // ---- request parameters

    public String getAssetId() {
        return assetId;
    }

    /**
     * The asset id sent by operations that address one asset or device.
     */
    public void setAssetId(String assetId) {
        this.assetId = assetId;
    }

    public String getTreeId() {
        return treeId;
    }

    /**
     * The asset tree id sent by asset tree operations.
     */
    public void setTreeId(String treeId) {
        this.treeId = treeId;
    }

    public String getParentAssetId() {
        return parentAssetId;
    }

    /**
     * The parent asset id sent by asset tree node operations.
     */
    public void setParentAssetId(String parentAssetId) {
        this.parentAssetId = parentAssetId;
    }

    public String getProductKey() {
        return productKey;
    }

    /**
     * The product key sent by product and device operations (with deviceKey as an alternative to assetId).
     */
    public void setProductKey(String productKey) {
        this.productKey = productKey;
    }

    public String getDeviceKey() {
        return deviceKey;
    }

    /**
     * The device key sent by device operations together with productKey.
     */
    public void setDeviceKey(String deviceKey) {
        this.deviceKey = deviceKey;
    }

    public String getModelId() {
        return modelId;
    }

    /**
     * The thing model id sent by model, alert and TSDB operations.
     */
    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getModelIds() {
        return modelIds;
    }

    /**
     * Comma-separated thing model ids (TSDB policy metadata).
     */
    public void setModelIds(String modelIds) {
        this.modelIds = modelIds;
    }

    public String getExpression() {
        return expression;
    }

    /**
     * The search expression of search operations, e.g. modelId = 'Inverter'.
     */
    public void setExpression(String expression) {
        this.expression = expression;
    }

    public String getProjection() {
        return projection;
    }

    /**
     * Comma-separated fields to return from a search, e.g. assetId,name.defaultValue; sent as a JSON array.
     */
    public void setProjection(String projection) {
        this.projection = projection;
    }

    public String getAssetIds() {
        return assetIds;
    }

    /**
     * Comma-separated asset ids (TSDB reads, asset tree lookups).
     */
    public void setAssetIds(String assetIds) {
        this.assetIds = assetIds;
    }

    public String getPointIds() {
        return pointIds;
    }

    /**
     * Comma-separated measure point ids (TSDB reads, latest measure points).
     */
    public void setPointIds(String pointIds) {
        this.pointIds = pointIds;
    }

    public String getStartTime() {
        return startTime;
    }

    /**
     * Start of the time range: local time yyyy-MM-dd HH:mm:ss in the asset's time zone, or ISO 8601 with offset.
     */
    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    /**
     * End of the time range, in the same format as startTime.
     */
    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getEventId() {
        return eventId;
    }

    /**
     * The alert (event) id of alert operations.
     */
    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getCommandId() {
        return commandId;
    }

    /**
     * The command id of command operations.
     */
    public void setCommandId(String commandId) {
        this.commandId = commandId;
    }

    public String getPolicyId() {
        return policyId;
    }

    /**
     * The TSDB storage policy id (a path parameter).
     */
    public void setPolicyId(String policyId) {
        this.policyId = policyId;
    }

    public Boolean getIsPatchUpdate() {
        return isPatchUpdate;
    }

    /**
     * Whether an update patches the object (true) or replaces it, clearing unspecified fields (false).
     */
    public void setIsPatchUpdate(Boolean isPatchUpdate) {
        this.isPatchUpdate = isPatchUpdate;
    }

    public Integer getScope() {
        return scope;
    }

    /**
     * The thing model search scope: 0 this OU only, 1 this OU and public models.
     */
    public void setScope(Integer scope) {
        this.scope = scope;
    }

    public String getUserId() {
        return userId;
    }

    /**
     * The EnOS user id: the user a batch processing call acts for (every batch call but time), or the App Portal
     * user an operation is about (e.g. u16000000000001).
     */
    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getServiceId() {
        return serviceId;
    }

    /**
     * The deployed model service id of a prediction (ML) forecast.
     */
    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getFlowId() {
        return flowId;
    }

    /**
     * The batch workflow id.
     */
    public void setFlowId(String flowId) {
        this.flowId = flowId;
    }

    public String getFlowInstanceId() {
        return flowInstanceId;
    }

    /**
     * The batch workflow instance (run) id, sent as flowInstId.
     */
    public void setFlowInstanceId(String flowInstanceId) {
        this.flowInstanceId = flowInstanceId;
    }

    public String getTaskInstanceId() {
        return taskInstanceId;
    }

    /**
     * The batch task instance id, sent as taskInstId.
     */
    public void setTaskInstanceId(String taskInstanceId) {
        this.taskInstanceId = taskInstanceId;
    }

    public String getChannelId() {
        return channelId;
    }

    /**
     * The Data Federation channel id (a path parameter).
     */
    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getChannelType() {
        return channelType;
    }

    /**
     * The Data Federation channel type to list: READ or WRITE (unset: both).
     */
    public void setChannelType(String channelType) {
        this.channelType = channelType;
    }

    public String getDataSourceName() {
        return dataSourceName;
    }

    /**
     * The data source of a Data Federation write channel.
     */
    public void setDataSourceName(String dataSourceName) {
        this.dataSourceName = dataSourceName;
    }

    public String getSqlQuery() {
        return sqlQuery;
    }

    /**
     * The SQL query of a Data Federation read.
     */
    public void setSqlQuery(String sqlQuery) {
        this.sqlQuery = sqlQuery;
    }

    public String getJobId() {
        return jobId;
    }

    /**
     * The Data Federation job id (a path parameter).
     */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getTaskId() {
        return taskId;
    }

    /**
     * The Data Federation download task id (a path parameter).
     */
    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getPipelineId() {
        return pipelineId;
    }

    /**
     * The stream processing pipeline id (a path parameter, or a body field of stage-state calls).
     */
    public void setPipelineId(String pipelineId) {
        this.pipelineId = pipelineId;
    }

    public String getStageInstanceName() {
        return stageInstanceName;
    }

    /**
     * The stage of a stream processing pipeline whose state is read or deleted, e.g. Window_1.
     */
    public void setStageInstanceName(String stageInstanceName) {
        this.stageInstanceName = stageInstanceName;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * The application's access key sent by App Portal application and message operations.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getEmail() {
        return email;
    }

    /**
     * The user email address of App Portal getUserDomain.
     */
    public void setEmail(String email) {
        this.email = email;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * The App Portal refresh token of refreshAccessToken and revokeRefreshToken.
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public Map<String, Object> getQueryParameters() {
        return queryParameters;
    }

    /**
     * Extra query parameters, given as query.name=value options (e.g. query.measurepointId=temp); sent as they are with every call.
     */
    public void setQueryParameters(Map<String, Object> queryParameters) {
        this.queryParameters = queryParameters;
    }

    // ---- paging

    public Integer getPageSize() {
        return pageSize;
    }

    /**
     * Records per page of a search (or per point for TSDB reads); unset leaves the EnOS default.
     */
    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Integer getPageNo() {
        return pageNo;
    }

    /**
     * The page to return from a page-number search (1 = first); unset means the first page.
     */
    public void setPageNo(Integer pageNo) {
        this.pageNo = pageNo;
    }

    public String getPageToken() {
        return pageToken;
    }

    /**
     * The scroll token of the page to return from a scroll search; unset means the first page.
     */
    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }

    public boolean isFetchAll() {
        return fetchAll;
    }

    /**
     * Whether a search returns every record as a lazy Iterator (records in page order, up to parallelPages pages
     * requested ahead while a streaming splitter works through them) instead of one page.
     */
    public void setFetchAll(boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    public int getParallelPages() {
        return parallelPages;
    }

    /**
     * The most page requests in flight at once when a search is read to the end (search consumer, fetchAll) or a TSDB
     * consumer reads its chunks: records still come in page order, and memory holds at most this many pages plus the
     * one being routed. Page-number searches fan out once the first page gives the total; scroll tokens go one page
     * at a time. The TSDB consumer reads each chunk's range in parallel time segments, routed in time order. 1 reads
     * page after page.
     */
    public void setParallelPages(int parallelPages) {
        this.parallelPages = parallelPages;
    }

    // ---- consumer and producer results

    public Class<?> getOutputType() {
        return outputType;
    }

    /**
     * The type of the body: JsonNode (default), java.util.Map (a List of Maps for arrays), String (JSON text, or the plain text of a string answer) or any Jackson-bindable class (a List of it for arrays).
     */
    public void setOutputType(Class<?> outputType) {
        this.outputType = outputType;
    }

    // ---- producer

    public boolean isFollowDownload() {
        return followDownload;
    }

    /**
     * data-federation/requestDownload: poll the task's status every downloadPollInterval until it is done or canceled
     * and answer that final status (the task id in CamelEnosTaskId), instead of answering the task id at once.
     */
    public void setFollowDownload(boolean followDownload) {
        this.followDownload = followDownload;
    }

    public long getDownloadPollInterval() {
        return downloadPollInterval;
    }

    /**
     * Milliseconds between two status polls of a followed download.
     */
    public void setDownloadPollInterval(long downloadPollInterval) {
        this.downloadPollInterval = downloadPollInterval;
    }

    public long getDownloadTimeout() {
        return downloadTimeout;
    }

    /**
     * Milliseconds a followed download may take before the exchange fails with an ExchangeTimedOutException naming the
     * task id.
     */
    public void setDownloadTimeout(long downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    public String getVersion() {
        return version;
    }

    /**
     * For enos:api/call: the API version, e.g. v2.1.
     */
    public void setVersion(String version) {
        this.version = version;
    }

    public String getMethod() {
        return method;
    }

    /**
     * For enos:api/call: the HTTP method.
     */
    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    /**
     * For enos:api/call: the path below the version, e.g. assets.
     */
    public void setPath(String path) {
        this.path = path;
    }

    public String getAction() {
        return action;
    }

    /**
     * For enos:api/call: the action query parameter, if any.
     */
    public void setAction(String action) {
        this.action = action;
    }

    public Envelope getEnvelope() {
        return envelope;
    }

    /**
     * For enos:api/call: the response envelope style: CODE (code/msg/requestId), STATUS (status/msg/submsg) or PORTAL (code 200/message).
     */
    public void setEnvelope(Envelope envelope) {
        this.envelope = envelope;
    }

    public UserAuth getUserAuth() {
        return userAuth;
    }

    /**
     * For enos:api/call: the user credential sent in the Authorization header: NONE, IAM (login session), PORTAL (App Portal access token) or APP_TOKEN (the app's access token as a bearer token).
     */
    public void setUserAuth(UserAuth userAuth) {
        this.userAuth = userAuth;
    }

    // ---- TLS and proxy

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Camel SSLContextParameters for the HTTPS connection to the gateway: a truststore for a private CA, a keystore for
     * a client certificate. By default the JVM's trusted CAs. The certificate must name the gateway's host: hostname
     * verification is always on.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.
     */
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * An HTTP proxy to reach the gateway through (HTTPS goes through it with CONNECT); proxyPort is then required.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * The port of the HTTP proxy.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /**
     * The user of a proxy that asks for Basic authentication (with proxyPassword). The JDK refuses Basic for HTTPS
     * tunnels unless the system property jdk.http.auth.tunneling.disabledSchemes is set to "".
     */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /**
     * The password of proxyUsername.
     */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    // ---- advanced

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Milliseconds to wait for a TCP connection to the gateway. Applies to the component's shared HTTP client.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Milliseconds to wait for the answer to one HTTP request before it counts as a (retried) failure.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Retries after the first attempt for transient failures: HTTP 5xx, 429, connection errors and codes 99500/80500. Client errors are never retried.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialBackoff() {
        return retryInitialBackoff;
    }

    /**
     * Milliseconds to wait before the first retry; each further retry doubles it, with jitter.
     */
    public void setRetryInitialBackoff(long retryInitialBackoff) {
        this.retryInitialBackoff = retryInitialBackoff;
    }

    public long getRetryMaxBackoff() {
        return retryMaxBackoff;
    }

    /**
     * The longest wait in milliseconds between two retries.
     */
    public void setRetryMaxBackoff(long retryMaxBackoff) {
        this.retryMaxBackoff = retryMaxBackoff;
    }

    public long getRetryAfterCap() {
        return retryAfterCap;
    }

    /**
     * The longest wait in milliseconds granted to a Retry-After header of a 429 answer.
     */
    public void setRetryAfterCap(long retryAfterCap) {
        this.retryAfterCap = retryAfterCap;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    /**
     * Requests per second allowed to the gateway for one app key, shared by every endpoint of the component using that key (the first endpoint's value sets the limit); 0 means no limit.
     */
    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public EnosClient getClient() {
        return client;
    }

    /**
     * A custom client that sends the requests; when set, the connection, auth, retry and rate-limit options are not used.
     */
    public void setClient(EnosClient client) {
        this.client = client;
    }

    /** A copy for one endpoint; the query parameter map is copied too, so endpoints never share it. */
    public EnosConfiguration copy() {
        try {
            EnosConfiguration copy = (EnosConfiguration) clone();
            copy.queryParameters = new HashMap<>(queryParameters == null ? Map.of() : queryParameters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
