package io.camelenos.component.consumer;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code enos:} polling consumers (search, TSDB, alerts). The request parameters they share with
 * producers ({@code expression}, {@code projection}, {@code pageSize}, {@code assetIds}, {@code pointIds},
 * {@code startTime}, {@code endTime}, ...) are the endpoint's common options; Camel's scheduler options
 * ({@code delay}, {@code greedy}, {@code backoff*}, ...) come with the consumer.
 */
@UriParams
public class EnosConsumerConfiguration {

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean splitResult = true;
    @UriParam(label = "consumer")
    private String body;
    @UriParam(label = "consumer")
    private String recordKey;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean changesOnly;
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateKey;
    @UriParam(label = "consumer")
    private String assetExpression;
    @UriParam(label = "consumer", defaultValue = "0", enums = "0,1")
    private int itemFormat;
    @UriParam(label = "consumer", defaultValue = "0")
    private long lookback;
    @UriParam(label = "consumer")
    private String partition;

    public boolean isSplitResult() {
        return splitResult;
    }

    /**
     * One exchange per record (true), or one per page (search) or per request chunk (TSDB) with the records as a JSON
     * array (false).
     */
    public void setSplitResult(boolean splitResult) {
        this.splitResult = splitResult;
    }

    public String getBody() {
        return body;
    }

    /**
     * The JSON body every request of the consumer starts from (e.g. a filter or scope object); the endpoint's options
     * and the paging fields are added to it.
     */
    public void setBody(String body) {
        this.body = body;
    }

    public String getRecordKey() {
        return recordKey;
    }

    /**
     * The field that identifies a record of a search, used to drop records seen twice while paging and as the key of
     * change detection. By default the first present of eventId, alertId, commandId, ruleId, contentId, typeId,
     * severityId, treeId, assetId, deviceKey, productKey, modelId, instanceId, flowId, pipelineId, userId, id.
     */
    public void setRecordKey(String recordKey) {
        this.recordKey = recordKey;
    }

    public boolean isChangesOnly() {
        return changesOnly;
    }

    /**
     * Change detection for sync jobs: emit only the records that are new (CREATED) or changed (UPDATED) since the last
     * poll, and after a complete poll the records that disappeared (DELETED); the header CamelEnosChangeType says which.
     * Needs splitResult=true.
     */
    public void setChangesOnly(boolean changesOnly) {
        this.changesOnly = changesOnly;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where change detection, TSDB watermarks, alert de-duplication and a search pass's position keep their state,
     * e.g. a CrashSafeFileStateRepository so that a restart resumes; an in-memory repository by default. State is
     * written only after an exchange completed.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * The prefix of this consumer's entries in the state repository; by default service/operation and a hash of the
     * endpoint URI. Set it when several routes share one repository, or to keep the state when the URI changes.
     */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public String getAssetExpression() {
        return assetExpression;
    }

    /**
     * TSDB consumer: an asset search expression (as for enos:asset/search) resolved at every poll into the assets to
     * read, instead of (or besides) assetIds.
     */
    public void setAssetExpression(String assetExpression) {
        this.assetExpression = assetExpression;
    }

    public int getItemFormat() {
        return itemFormat;
    }

    /**
     * TSDB consumer: 0 for one record per (asset, point, timestamp), 1 for the points of one asset and timestamp
     * merged in one record.
     */
    public void setItemFormat(int itemFormat) {
        this.itemFormat = itemFormat;
    }

    public long getLookback() {
        return lookback;
    }

    /**
     * TSDB consumer: milliseconds before each watermark that every poll reads again, to catch late-arriving data;
     * records already delivered in that window are not emitted again. Alert consumer: milliseconds before the newest
     * occurTime seen where each poll starts its search of the alert history for alerts raised and recovered between
     * two polls (for alerts that reach EnOS late).
     */
    public void setLookback(long lookback) {
        this.lookback = lookback;
    }

    public String getPartition() {
        return partition;
    }

    /**
     * Search and TSDB consumers: take only the assets in partition k of n ({@code k/n}, k counted from 0, e.g. 3/8),
     * by a stable hash of the asset id (SHA-256, the same in every process), so that several routes or processes
     * share one export without overlap. The search consumer partitions its records by their assetId field (the
     * record key when a record has none).
     */
    public void setPartition(String partition) {
        this.partition = partition;
    }
}
