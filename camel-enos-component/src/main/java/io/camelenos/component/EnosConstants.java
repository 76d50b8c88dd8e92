package io.camelenos.component;

import org.apache.camel.spi.Metadata;

/**
 * The {@code CamelEnos*} message headers. Input headers override the endpoint option of the same name for one
 * message; the producer sets the output headers from each answer.
 */
public final class EnosConstants {

    // ---- output (the paging headers are also read as input for one-page searches)

    @Metadata(label = "producer", description = "The request id EnOS returned.", javaType = "String")
    public static final String REQUEST_ID = "CamelEnosRequestId";
    @Metadata(label = "producer", description = "The API code EnOS returned (0 on success).", javaType = "Integer")
    public static final String CODE = "CamelEnosCode";
    @Metadata(label = "producer", description = "The page number of a page-number search: sent, and returned.",
              javaType = "Integer")
    public static final String PAGE_NO = "CamelEnosPageNo";
    @Metadata(label = "producer", description = "The page size of a search: sent, and returned.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelEnosPageSize";
    @Metadata(label = "producer", description = "The total number of records of a page-number search.",
              javaType = "Long")
    public static final String TOTAL_SIZE = "CamelEnosTotalSize";
    @Metadata(label = "producer", description = "The scroll token of a scroll search: sent to get the next page, and "
                                                + "returned (absent on the last page).",
              javaType = "String")
    public static final String PAGE_TOKEN = "CamelEnosPageToken";

    @Metadata(label = "producer", description = "Data Federation reads: the column names of the rows in the body, in "
                                                + "order.", javaType = "java.util.List<String>")
    public static final String COLUMNS = "CamelEnosColumns";
    @Metadata(label = "producer", description = "Data Federation reads: the JDBC type name of each column (VARCHAR, "
                                                + "TIMESTAMP, ...), in the order of CamelEnosColumns.",
              javaType = "java.util.List<String>")
    public static final String COLUMN_TYPES = "CamelEnosColumnTypes";

    // ---- consumers (see the README's Consumers section)

    @Metadata(label = "consumer", description = "Change detection: CREATED, UPDATED or DELETED.", javaType = "String")
    public static final String CHANGE_TYPE = "CamelEnosChangeType";
    @Metadata(label = "consumer", description = "The key of the record (its id field), e.g. the asset id.",
              javaType = "String")
    public static final String RECORD_KEY = "CamelEnosRecordKey";
    @Metadata(label = "consumer", description = "On the last exchange of a search poll: true when records were added or "
                                                + "removed while the poll paged, so that it may have missed records "
                                                + "(it dropped the ones it saw twice, and emitted no deletions).",
              javaType = "Boolean")
    public static final String PAGE_DRIFT = "CamelEnosPageDrift";
    @Metadata(label = "consumer", description = "On the last exchange of a search poll: true when the poll ended the "
                                                + "pass over the search (saw its last page; CamelBatchComplete is true "
                                                + "too), false when the pass ended incomplete (a page failed, the route "
                                                + "stopped, or maxMessagesPerPoll) and the next poll resumes it at the "
                                                + "page after the last one routed.",
              javaType = "Boolean")
    public static final String PASS_COMPLETE = "CamelEnosPassComplete";
    @Metadata(label = "consumer", description = "TSDB consumer: the record's timestamp (epoch milliseconds).",
              javaType = "Long")
    public static final String TIMESTAMP = "CamelEnosTimestamp";
    @Metadata(label = "consumer", description = "TSDB consumer: the measure point of the record (itemFormat 0).",
              javaType = "String")
    public static final String POINT_ID = "CamelEnosPointId";
    @Metadata(label = "consumer", description = "Alert consumer: ACTIVE for a new active alert, RECOVERED for a "
                                                + "recovered one.",
              javaType = "String")
    public static final String ALERT_STATE = "CamelEnosAlertState";

    // ---- input: one per request parameter option

    @Metadata(label = "producer", description = "The EnOS organization (OU) id; overrides the orgId option.", javaType = "String")
    public static final String ORG_ID = "CamelEnosOrgId";
    @Metadata(label = "producer", description = "The asset id; overrides the assetId option.", javaType = "String")
    public static final String ASSET_ID = "CamelEnosAssetId";
    @Metadata(label = "producer", description = "The asset tree id; overrides the treeId option.", javaType = "String")
    public static final String TREE_ID = "CamelEnosTreeId";
    @Metadata(label = "producer", description = "The parent asset id in a tree; overrides the parentAssetId option.", javaType = "String")
    public static final String PARENT_ASSET_ID = "CamelEnosParentAssetId";
    @Metadata(label = "producer", description = "The product key; overrides the productKey option.", javaType = "String")
    public static final String PRODUCT_KEY = "CamelEnosProductKey";
    @Metadata(label = "producer", description = "The device key; overrides the deviceKey option.", javaType = "String")
    public static final String DEVICE_KEY = "CamelEnosDeviceKey";
    @Metadata(label = "producer", description = "The thing model id; overrides the modelId option.", javaType = "String")
    public static final String MODEL_ID = "CamelEnosModelId";
    @Metadata(label = "producer", description = "Comma-separated thing model ids; overrides the modelIds option.", javaType = "String")
    public static final String MODEL_IDS = "CamelEnosModelIds";
    @Metadata(label = "producer", description = "The search expression; overrides the expression option.", javaType = "String")
    public static final String EXPRESSION = "CamelEnosExpression";
    @Metadata(label = "producer", description = "Comma-separated projection fields; overrides the projection option.", javaType = "String")
    public static final String PROJECTION = "CamelEnosProjection";
    @Metadata(label = "producer", description = "Comma-separated asset ids; overrides the assetIds option.", javaType = "String")
    public static final String ASSET_IDS = "CamelEnosAssetIds";
    @Metadata(label = "producer", description = "Comma-separated measure point ids; overrides the pointIds option.", javaType = "String")
    public static final String POINT_IDS = "CamelEnosPointIds";
    @Metadata(label = "producer", description = "Start of the time range; overrides the startTime option.", javaType = "String")
    public static final String START_TIME = "CamelEnosStartTime";
    @Metadata(label = "producer", description = "End of the time range; overrides the endTime option.", javaType = "String")
    public static final String END_TIME = "CamelEnosEndTime";
    @Metadata(label = "producer", description = "The alert (event) id; overrides the eventId option.", javaType = "String")
    public static final String EVENT_ID = "CamelEnosEventId";
    @Metadata(label = "producer", description = "The command id; overrides the commandId option.", javaType = "String")
    public static final String COMMAND_ID = "CamelEnosCommandId";
    @Metadata(label = "producer", description = "The TSDB storage policy id; overrides the policyId option.", javaType = "String")
    public static final String POLICY_ID = "CamelEnosPolicyId";
    @Metadata(label = "producer", description = "Whether an update patches (true) or replaces (false); overrides the isPatchUpdate option.", javaType = "Boolean")
    public static final String IS_PATCH_UPDATE = "CamelEnosIsPatchUpdate";
    @Metadata(label = "producer", description = "The thing model search scope; overrides the scope option.", javaType = "Integer")
    public static final String SCOPE = "CamelEnosScope";
    @Metadata(label = "producer", description = "The EnOS user id of batch and App Portal calls; overrides the userId option.", javaType = "String")
    public static final String USER_ID = "CamelEnosUserId";
    @Metadata(label = "producer", description = "The ML model service id; overrides the serviceId option.", javaType = "String")
    public static final String SERVICE_ID = "CamelEnosServiceId";
    @Metadata(label = "producer", description = "The batch workflow id; overrides the flowId option.", javaType = "String")
    public static final String FLOW_ID = "CamelEnosFlowId";
    @Metadata(label = "producer", description = "The batch workflow instance id; overrides the flowInstanceId option.", javaType = "String")
    public static final String FLOW_INSTANCE_ID = "CamelEnosFlowInstanceId";
    @Metadata(label = "producer", description = "The batch task instance id; overrides the taskInstanceId option.", javaType = "String")
    public static final String TASK_INSTANCE_ID = "CamelEnosTaskInstanceId";
    @Metadata(label = "producer", description = "The Data Federation channel id; overrides the channelId option.", javaType = "String")
    public static final String CHANNEL_ID = "CamelEnosChannelId";
    @Metadata(label = "producer", description = "The Data Federation channel type; overrides the channelType option.", javaType = "String")
    public static final String CHANNEL_TYPE = "CamelEnosChannelType";
    @Metadata(label = "producer", description = "The Data Federation data source; overrides the dataSourceName option.", javaType = "String")
    public static final String DATA_SOURCE_NAME = "CamelEnosDataSourceName";
    @Metadata(label = "producer", description = "The Data Federation SQL query; overrides the sqlQuery option.", javaType = "String")
    public static final String SQL_QUERY = "CamelEnosSqlQuery";
    @Metadata(label = "producer", description = "The Data Federation job id; overrides the jobId option.", javaType = "String")
    public static final String JOB_ID = "CamelEnosJobId";
    @Metadata(label = "producer", description = "The Data Federation download task id; overrides the taskId option. Set by a followed download-request to the task's id.", javaType = "String")
    public static final String TASK_ID = "CamelEnosTaskId";
    @Metadata(label = "producer", description = "The stream processing pipeline id; overrides the pipelineId option.", javaType = "String")
    public static final String PIPELINE_ID = "CamelEnosPipelineId";
    @Metadata(label = "producer", description = "The pipeline stage name; overrides the stageInstanceName option.", javaType = "String")
    public static final String STAGE_INSTANCE_NAME = "CamelEnosStageInstanceName";
    @Metadata(label = "producer", description = "The App Portal application access key; overrides the accessKey option.", javaType = "String")
    public static final String ACCESS_KEY = "CamelEnosAccessKey";
    @Metadata(label = "producer", description = "A user email address; overrides the email option.", javaType = "String")
    public static final String EMAIL = "CamelEnosEmail";
    @Metadata(label = "producer", description = "An App Portal refresh token; overrides the refreshToken option.", javaType = "String")
    public static final String REFRESH_TOKEN = "CamelEnosRefreshToken";

    private EnosConstants() {
    }
}
