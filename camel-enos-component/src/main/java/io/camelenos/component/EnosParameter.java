package io.camelenos.component;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The endpoint options a catalogue entry may send as a request parameter, each with the header that overrides it.
 * Catalogue parameter specs name these options.
 */
public enum EnosParameter {
    ORG_ID("orgId", EnosConstants.ORG_ID, EnosConfiguration::getOrgId),
    ASSET_ID("assetId", EnosConstants.ASSET_ID, EnosConfiguration::getAssetId),
    TREE_ID("treeId", EnosConstants.TREE_ID, EnosConfiguration::getTreeId),
    PARENT_ASSET_ID("parentAssetId", EnosConstants.PARENT_ASSET_ID, EnosConfiguration::getParentAssetId),
    PRODUCT_KEY("productKey", EnosConstants.PRODUCT_KEY, EnosConfiguration::getProductKey),
    DEVICE_KEY("deviceKey", EnosConstants.DEVICE_KEY, EnosConfiguration::getDeviceKey),
    MODEL_ID("modelId", EnosConstants.MODEL_ID, EnosConfiguration::getModelId),
    MODEL_IDS("modelIds", EnosConstants.MODEL_IDS, EnosConfiguration::getModelIds),
    EXPRESSION("expression", EnosConstants.EXPRESSION, EnosConfiguration::getExpression),
    PROJECTION("projection", EnosConstants.PROJECTION, EnosConfiguration::getProjection),
    ASSET_IDS("assetIds", EnosConstants.ASSET_IDS, EnosConfiguration::getAssetIds),
    POINT_IDS("pointIds", EnosConstants.POINT_IDS, EnosConfiguration::getPointIds),
    START_TIME("startTime", EnosConstants.START_TIME, EnosConfiguration::getStartTime),
    END_TIME("endTime", EnosConstants.END_TIME, EnosConfiguration::getEndTime),
    EVENT_ID("eventId", EnosConstants.EVENT_ID, EnosConfiguration::getEventId),
    COMMAND_ID("commandId", EnosConstants.COMMAND_ID, EnosConfiguration::getCommandId),
    POLICY_ID("policyId", EnosConstants.POLICY_ID, EnosConfiguration::getPolicyId),
    IS_PATCH_UPDATE("isPatchUpdate", EnosConstants.IS_PATCH_UPDATE, EnosConfiguration::getIsPatchUpdate),
    SCOPE("scope", EnosConstants.SCOPE, EnosConfiguration::getScope),
    PAGE_SIZE("pageSize", EnosConstants.PAGE_SIZE, EnosConfiguration::getPageSize),
    USER_ID("userId", EnosConstants.USER_ID, EnosConfiguration::getUserId),
    SERVICE_ID("serviceId", EnosConstants.SERVICE_ID, EnosConfiguration::getServiceId),
    FLOW_ID("flowId", EnosConstants.FLOW_ID, EnosConfiguration::getFlowId),
    FLOW_INSTANCE_ID("flowInstanceId", EnosConstants.FLOW_INSTANCE_ID, EnosConfiguration::getFlowInstanceId),
    TASK_INSTANCE_ID("taskInstanceId", EnosConstants.TASK_INSTANCE_ID, EnosConfiguration::getTaskInstanceId),
    CHANNEL_ID("channelId", EnosConstants.CHANNEL_ID, EnosConfiguration::getChannelId),
    CHANNEL_TYPE("channelType", EnosConstants.CHANNEL_TYPE, EnosConfiguration::getChannelType),
    DATA_SOURCE_NAME("dataSourceName", EnosConstants.DATA_SOURCE_NAME, EnosConfiguration::getDataSourceName),
    SQL_QUERY("sqlQuery", EnosConstants.SQL_QUERY, EnosConfiguration::getSqlQuery),
    JOB_ID("jobId", EnosConstants.JOB_ID, EnosConfiguration::getJobId),
    TASK_ID("taskId", EnosConstants.TASK_ID, EnosConfiguration::getTaskId),
    PIPELINE_ID("pipelineId", EnosConstants.PIPELINE_ID, EnosConfiguration::getPipelineId),
    STAGE_INSTANCE_NAME("stageInstanceName", EnosConstants.STAGE_INSTANCE_NAME, EnosConfiguration::getStageInstanceName),
    ACCESS_KEY("accessKey", EnosConstants.ACCESS_KEY, EnosConfiguration::getAccessKey),
    EMAIL("email", EnosConstants.EMAIL, EnosConfiguration::getEmail),
    REFRESH_TOKEN("refreshToken", EnosConstants.REFRESH_TOKEN, EnosConfiguration::getRefreshToken);

    private final String option;
    private final String header;
    private final Function<EnosConfiguration, Object> getter;

    EnosParameter(String option, String header, Function<EnosConfiguration, Object> getter) {
        this.option = option;
        this.header = header;
        this.getter = getter;
    }

    /** The parameter behind an endpoint option name, if the option is a request parameter. */
    public static Optional<EnosParameter> ofOption(String option) {
        return Arrays.stream(values()).filter(p -> p.option.equals(option)).findFirst();
    }

    public String option() {
        return option;
    }

    public String header() {
        return header;
    }

    /** The option's value on this configuration, or null when unset. */
    public Object valueIn(EnosConfiguration configuration) {
        return getter.apply(configuration);
    }
}
