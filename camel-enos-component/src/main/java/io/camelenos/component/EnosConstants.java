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

    // ---- set by a followed Data Federation download (and read as the taskId request parameter)

    @Metadata(label = "producer", description = "The Data Federation download task id; overrides the taskId option. "
                                                + "Set by a followed download request to the task's id.",
              javaType = "String")
    public static final String TASK_ID = "CamelEnosTaskId";

    // ---- input: one per request parameter option (EnosRequestParameters), overriding the option for one message.
    // Rendered by EnosConstantsTest from the catalogue and the options' descriptions: do not edit by hand, run the test
    // with -Dconstants.update=true after adding a request parameter.
    // generated:start
    @Metadata(label = "producer",
              description = "Overrides the accessKey option for one message: The application's access key sent by App Portal application and message operations.",
              javaType = "String")
    public static final String ACCESS_KEY = "CamelEnosAccessKey";
    @Metadata(label = "producer",
              description = "Overrides the assetId option for one message: The asset id sent by operations that address one asset or device.",
              javaType = "String")
    public static final String ASSET_ID = "CamelEnosAssetId";
    @Metadata(label = "producer",
              description = "Overrides the assetIds option for one message: Comma-separated asset ids (TSDB reads, asset tree lookups).",
              javaType = "String")
    public static final String ASSET_IDS = "CamelEnosAssetIds";
    @Metadata(label = "producer",
              description = "Overrides the channelId option for one message: The Data Federation channel id (a path parameter).",
              javaType = "String")
    public static final String CHANNEL_ID = "CamelEnosChannelId";
    @Metadata(label = "producer",
              description = "Overrides the channelType option for one message: The Data Federation channel type to list: READ or WRITE (unset: both).",
              javaType = "String")
    public static final String CHANNEL_TYPE = "CamelEnosChannelType";
    @Metadata(label = "producer",
              description = "Overrides the commandId option for one message: The command id of command operations.",
              javaType = "String")
    public static final String COMMAND_ID = "CamelEnosCommandId";
    @Metadata(label = "producer",
              description = "Overrides the dataSourceName option for one message: The data source of a Data Federation write channel.",
              javaType = "String")
    public static final String DATA_SOURCE_NAME = "CamelEnosDataSourceName";
    @Metadata(label = "producer",
              description = "Overrides the deviceKey option for one message: The device key sent by device operations together with productKey.",
              javaType = "String")
    public static final String DEVICE_KEY = "CamelEnosDeviceKey";
    @Metadata(label = "producer",
              description = "Overrides the email option for one message: The user email address of App Portal getUserDomain.",
              javaType = "String")
    public static final String EMAIL = "CamelEnosEmail";
    @Metadata(label = "producer",
              description = "Overrides the endTime option for one message: End of the time range, in the same format as startTime.",
              javaType = "String")
    public static final String END_TIME = "CamelEnosEndTime";
    @Metadata(label = "producer",
              description = "Overrides the eventId option for one message: The alert (event) id of alert operations.",
              javaType = "String")
    public static final String EVENT_ID = "CamelEnosEventId";
    @Metadata(label = "producer",
              description = "Overrides the expression option for one message: The search expression of search operations, e.g. modelId = 'Inverter'.",
              javaType = "String")
    public static final String EXPRESSION = "CamelEnosExpression";
    @Metadata(label = "producer",
              description = "Overrides the flowId option for one message: The batch workflow id.",
              javaType = "String")
    public static final String FLOW_ID = "CamelEnosFlowId";
    @Metadata(label = "producer",
              description = "Overrides the flowInstanceId option for one message: The batch workflow instance (run) id, sent as flowInstId.",
              javaType = "String")
    public static final String FLOW_INSTANCE_ID = "CamelEnosFlowInstanceId";
    @Metadata(label = "producer",
              description = "Overrides the isPatchUpdate option for one message: Whether an update patches the object (true) or replaces it, clearing unspecified fields (false).",
              javaType = "Boolean")
    public static final String IS_PATCH_UPDATE = "CamelEnosIsPatchUpdate";
    @Metadata(label = "producer",
              description = "Overrides the jobId option for one message: The Data Federation job id (a path parameter).",
              javaType = "String")
    public static final String JOB_ID = "CamelEnosJobId";
    @Metadata(label = "producer",
              description = "Overrides the modelId option for one message: The thing model id sent by model, alert and TSDB operations.",
              javaType = "String")
    public static final String MODEL_ID = "CamelEnosModelId";
    @Metadata(label = "producer",
              description = "Overrides the modelIds option for one message: Comma-separated thing model ids (TSDB policy metadata).",
              javaType = "String")
    public static final String MODEL_IDS = "CamelEnosModelIds";
    @Metadata(label = "producer",
              description = "Overrides the orgId option for one message: The EnOS organization (OU) id sent as the orgId query parameter of every call.",
              javaType = "String")
    public static final String ORG_ID = "CamelEnosOrgId";
    @Metadata(label = "producer",
              description = "Overrides the parentAssetId option for one message: The parent asset id sent by asset tree node operations.",
              javaType = "String")
    public static final String PARENT_ASSET_ID = "CamelEnosParentAssetId";
    @Metadata(label = "producer",
              description = "Overrides the pipelineId option for one message: The stream processing pipeline id (a path parameter, or a body field of stage-state calls).",
              javaType = "String")
    public static final String PIPELINE_ID = "CamelEnosPipelineId";
    @Metadata(label = "producer",
              description = "Overrides the pointIds option for one message: Comma-separated measure point ids (TSDB reads, latest measure points).",
              javaType = "String")
    public static final String POINT_IDS = "CamelEnosPointIds";
    @Metadata(label = "producer",
              description = "Overrides the policyId option for one message: The TSDB storage policy id (a path parameter).",
              javaType = "String")
    public static final String POLICY_ID = "CamelEnosPolicyId";
    @Metadata(label = "producer",
              description = "Overrides the productKey option for one message: The product key sent by product and device operations (with deviceKey as an alternative to assetId).",
              javaType = "String")
    public static final String PRODUCT_KEY = "CamelEnosProductKey";
    @Metadata(label = "producer",
              description = "Overrides the projection option for one message: Comma-separated fields to return from a search, e.g. assetId,name.defaultValue; sent as a JSON array.",
              javaType = "String")
    public static final String PROJECTION = "CamelEnosProjection";
    @Metadata(label = "producer",
              description = "Overrides the refreshToken option for one message: The App Portal refresh token of refreshAccessToken and revokeRefreshToken.",
              javaType = "String")
    public static final String REFRESH_TOKEN = "CamelEnosRefreshToken";
    @Metadata(label = "producer",
              description = "Overrides the scope option for one message: The thing model search scope: 0 this OU only, 1 this OU and public models.",
              javaType = "Integer")
    public static final String SCOPE = "CamelEnosScope";
    @Metadata(label = "producer",
              description = "Overrides the serviceId option for one message: The deployed model service id of a prediction (ML) forecast.",
              javaType = "String")
    public static final String SERVICE_ID = "CamelEnosServiceId";
    @Metadata(label = "producer",
              description = "Overrides the sqlQuery option for one message: The SQL query of a Data Federation read.",
              javaType = "String")
    public static final String SQL_QUERY = "CamelEnosSqlQuery";
    @Metadata(label = "producer",
              description = "Overrides the stageInstanceName option for one message: The stage of a stream processing pipeline whose state is read or deleted, e.g. Window_1.",
              javaType = "String")
    public static final String STAGE_INSTANCE_NAME = "CamelEnosStageInstanceName";
    @Metadata(label = "producer",
              description = "Overrides the startTime option for one message: Start of the time range: local time yyyy-MM-dd HH:mm:ss in the asset's time zone, or ISO 8601 with offset.",
              javaType = "String")
    public static final String START_TIME = "CamelEnosStartTime";
    @Metadata(label = "producer",
              description = "Overrides the taskInstanceId option for one message: The batch task instance id, sent as taskInstId.",
              javaType = "String")
    public static final String TASK_INSTANCE_ID = "CamelEnosTaskInstanceId";
    @Metadata(label = "producer",
              description = "Overrides the treeId option for one message: The asset tree id sent by asset tree operations.",
              javaType = "String")
    public static final String TREE_ID = "CamelEnosTreeId";
    @Metadata(label = "producer",
              description = "Overrides the userId option for one message: The EnOS user id: the user a batch processing call acts for (every batch call but time), or the App Portal user an operation is about (e.g. u16000000000001).",
              javaType = "String")
    public static final String USER_ID = "CamelEnosUserId";
    // generated:end

    private EnosConstants() {
    }
}
