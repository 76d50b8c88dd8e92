package io.camelenos.simulator.sdk;

import com.envisioniot.enos.event_service.v2_1.AggregateActiveAlertRequest;
import com.envisioniot.enos.event_service.v2_1.AggregateActiveAlertResponse;
import com.envisioniot.enos.event_service.v2_1.BatchUpdateActiveAlertTagsRequest;
import com.envisioniot.enos.event_service.v2_1.BatchUpdateActiveAlertTagsResponse;
import com.envisioniot.enos.event_service.v2_1.CloseActiveAlertRequest;
import com.envisioniot.enos.event_service.v2_1.CloseActiveAlertResponse;
import com.envisioniot.enos.event_service.v2_1.CreateActiveAlertRequest;
import com.envisioniot.enos.event_service.v2_1.CreateActiveAlertResponse;
import com.envisioniot.enos.event_service.v2_1.CreateAlertContentRequest;
import com.envisioniot.enos.event_service.v2_1.CreateAlertContentResponse;
import com.envisioniot.enos.event_service.v2_1.CreateAlertRuleRequest;
import com.envisioniot.enos.event_service.v2_1.CreateAlertRuleResponse;
import com.envisioniot.enos.event_service.v2_1.CreateAlertSeverityRequest;
import com.envisioniot.enos.event_service.v2_1.CreateAlertSeverityResponse;
import com.envisioniot.enos.event_service.v2_1.CreateAlertTypeRequest;
import com.envisioniot.enos.event_service.v2_1.CreateAlertTypeResponse;
import com.envisioniot.enos.event_service.v2_1.CreateHistoryAlertRequest;
import com.envisioniot.enos.event_service.v2_1.CreateHistoryAlertResponse;
import com.envisioniot.enos.event_service.v2_1.DeleteActiveAlertRequest;
import com.envisioniot.enos.event_service.v2_1.DeleteActiveAlertResponse;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertContentRequest;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertContentResponse;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertRuleRequest;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertRuleResponse;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertSeverityRequest;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertSeverityResponse;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertTypeRequest;
import com.envisioniot.enos.event_service.v2_1.DeleteAlertTypeResponse;
import com.envisioniot.enos.event_service.v2_1.GetAlertContentRequest;
import com.envisioniot.enos.event_service.v2_1.GetAlertContentResponse;
import com.envisioniot.enos.event_service.v2_1.SearchActiveAlertRequest;
import com.envisioniot.enos.event_service.v2_1.SearchActiveAlertResponse;
import com.envisioniot.enos.event_service.v2_1.SearchAlertContentRequest;
import com.envisioniot.enos.event_service.v2_1.SearchAlertContentResponse;
import com.envisioniot.enos.event_service.v2_1.SearchAlertRuleRequest;
import com.envisioniot.enos.event_service.v2_1.SearchAlertRuleResponse;
import com.envisioniot.enos.event_service.v2_1.SearchAlertSeverityRequest;
import com.envisioniot.enos.event_service.v2_1.SearchAlertSeverityResponse;
import com.envisioniot.enos.event_service.v2_1.SearchAlertTypeRequest;
import com.envisioniot.enos.event_service.v2_1.SearchAlertTypeResponse;
import com.envisioniot.enos.event_service.v2_1.SearchHistoryAlertRequest;
import com.envisioniot.enos.event_service.v2_1.SearchHistoryAlertResponse;
import com.envisioniot.enos.event_service.v2_1.UpdateActiveAlertTagsRequest;
import com.envisioniot.enos.event_service.v2_1.UpdateActiveAlertTagsResponse;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertContentRequest;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertContentResponse;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertRuleRequest;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertRuleResponse;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertSeverityRequest;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertSeverityResponse;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertTypeRequest;
import com.envisioniot.enos.event_service.v2_1.UpdateAlertTypeResponse;
import com.envisioniot.enos.event_service.v2_1.UpdateHistoryAlertTagsRequest;
import com.envisioniot.enos.event_service.v2_1.UpdateHistoryAlertTagsResponse;
import com.envisioniot.enos.event_service.vo.AssetNode;
import com.envisioniot.enos.event_service.vo.GenerateActiveAlert;
import com.envisioniot.enos.event_service.vo.GenerateContent;
import com.envisioniot.enos.event_service.vo.GenerateHistoryAlert;
import com.envisioniot.enos.event_service.vo.GenerateSeverity;
import com.envisioniot.enos.event_service.vo.GenerateType;
import com.envisioniot.enos.event_service.vo.StringI18n;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Event Service request classes: the alert catalogue (severity, type, content, rule) and alert records. */
final class AlertFlow {

    private static final String METER_MODEL = "EnOS_Meter";
    private final Sdk sdk;
    private final Instant now;

    AlertFlow(Sdk sdk, Instant now) {
        this.sdk = sdk;
        this.now = now;
    }

    void catalogue() {
        severity();
        type();
        content();
        rule();
        deleteCatalogue();
    }

    private void severity() {
        GenerateSeverity severity = new GenerateSeverity();
        severity.setSeverityId("sdkSeverity");
        severity.setSeverityDesc(new StringI18n("SDK severity"));
        CreateAlertSeverityRequest create = new CreateAlertSeverityRequest();
        create.setOrgId(sdk.orgId());
        create.setSeverity(severity);
        sdk.ok(create, CreateAlertSeverityResponse.class);

        severity.setSeverityDesc(new StringI18n("SDK severity, renamed"));
        UpdateAlertSeverityRequest update = new UpdateAlertSeverityRequest();
        update.setOrgId(sdk.orgId());
        update.setSeverity(severity);
        sdk.ok(update, UpdateAlertSeverityResponse.class);

        SearchAlertSeverityRequest search = new SearchAlertSeverityRequest();
        search.setOrgId(sdk.orgId());
        search.setExpression("severityId = 'sdkSeverity'");
        var found = sdk.ok(search, SearchAlertSeverityResponse.class).getData();
        assertEquals("SDK severity, renamed", found.get(0).getSeverityDesc().getDefaultValue());
    }

    private void type() {
        GenerateType type = new GenerateType();
        type.setTypeId("sdkType");
        type.setTypeDesc(new StringI18n("SDK type"));
        type.setParentTypeId("performance");
        CreateAlertTypeRequest create = new CreateAlertTypeRequest();
        create.setOrgId(sdk.orgId());
        create.setType(type);
        sdk.ok(create, CreateAlertTypeResponse.class);

        type.setTags(Map.of("origin", "sdk"));
        UpdateAlertTypeRequest update = new UpdateAlertTypeRequest();
        update.setOrgId(sdk.orgId());
        update.setType(type);
        update.setIsPatchUpdate(true);
        sdk.ok(update, UpdateAlertTypeResponse.class);

        SearchAlertTypeRequest search = new SearchAlertTypeRequest();
        search.setOrgId(sdk.orgId());
        search.setExpression("typeId = 'sdkType'");
        var found = sdk.ok(search, SearchAlertTypeResponse.class).getData().get(0);
        assertEquals("performance", found.getParentTypeId());
        assertEquals("sdk", found.getTags().get("origin"));
    }

    /** Content: the SDK's get is a POST; the answer carries the documented alertType and subAlertType objects. */
    private void content() {
        GenerateContent content = new GenerateContent();
        content.setContentId("SDK_CONTENT");
        content.setContentDesc(new StringI18n("SDK content"));
        content.setModelId(METER_MODEL);
        content.setAlertTypeId("sdkType");
        CreateAlertContentRequest create = new CreateAlertContentRequest();
        create.setOrgId(sdk.orgId());
        create.setAlertContent(content);
        sdk.ok(create, CreateAlertContentResponse.class);

        GetAlertContentRequest get = new GetAlertContentRequest();
        get.setOrgId(sdk.orgId());
        get.setContentId("SDK_CONTENT");
        var got = sdk.ok(get, GetAlertContentResponse.class).getData();
        assertEquals("performance", got.getAlertType().getTypeId());
        assertEquals("sdkType", got.getSubAlertType().getTypeId());

        content.setContentDesc(new StringI18n("SDK content, renamed"));
        UpdateAlertContentRequest update = new UpdateAlertContentRequest();
        update.setOrgId(sdk.orgId());
        update.setAlertContent(content);
        sdk.ok(update, UpdateAlertContentResponse.class);

        SearchAlertContentRequest search = new SearchAlertContentRequest();
        search.setOrgId(sdk.orgId());
        search.setModelId(METER_MODEL);
        search.setAlertTypeId("performance");
        search.setSubAlertTypeId("sdkType");
        var found = sdk.ok(search, SearchAlertContentResponse.class).getData();
        assertEquals(List.of("SDK_CONTENT"), found.stream().map(c -> c.getContentId()).toList());
        assertEquals("SDK content, renamed", found.get(0).getContentDesc().getDefaultValue());
        search.setModelId("EnOS_Wind_Turbine");
        assertEquals(0, sdk.ok(search, SearchAlertContentResponse.class).getData().size());
    }

    /** Rule: the SDK sends the rule's fields at the top of the body. */
    private void rule() {
        CreateAlertRuleRequest create = new CreateAlertRuleRequest();
        create.setOrgId(sdk.orgId());
        create.setRuleId("SDK_RULE");
        create.setRuleDesc(new StringI18n("SDK rule"));
        create.setModelId(METER_MODEL);
        create.setMeasurepointId("METER.ActivePower");
        create.setCondition("METER.ActivePower > 1000000");
        create.setSeverityId("sdkSeverity");
        create.setContentId("SDK_CONTENT");
        create.setScope(List.of(new AssetNode("all", "all")));
        sdk.ok(create, CreateAlertRuleResponse.class);

        UpdateAlertRuleRequest update = new UpdateAlertRuleRequest();
        update.setOrgId(sdk.orgId());
        update.setRuleId("SDK_RULE");
        update.setIsEnabled(false);
        update.setIsPatchUpdate(true);
        sdk.ok(update, UpdateAlertRuleResponse.class);

        SearchAlertRuleRequest search = new SearchAlertRuleRequest();
        search.setOrgId(sdk.orgId());
        search.setModelId(METER_MODEL);
        search.setMeasurepointId("METER.ActivePower");
        var rules = sdk.ok(search, SearchAlertRuleResponse.class).getData();
        assertEquals(1, rules.size());
        var rule = rules.get(0);
        assertEquals(Boolean.FALSE, rule.getIsEnabled());
        assertEquals("SDK severity, renamed", rule.getSeverityDesc().getDefaultValue());
        assertEquals("SDK content, renamed", rule.getContentDesc().getDefaultValue());
        assertEquals("sdkType", rule.getTypeId());
        assertEquals("SDK type", rule.getTypeDesc().getDefaultValue());
    }

    /** Delete in the order references allow: rule, content (by alertContentId, as the SDK and docs send it), ... */
    private void deleteCatalogue() {
        DeleteAlertRuleRequest rule = new DeleteAlertRuleRequest();
        rule.setOrgId(sdk.orgId());
        rule.setRuleId("SDK_RULE");
        sdk.ok(rule, DeleteAlertRuleResponse.class);
        DeleteAlertContentRequest content = new DeleteAlertContentRequest();
        content.setOrgId(sdk.orgId());
        content.setAlertContentId("SDK_CONTENT");
        sdk.ok(content, DeleteAlertContentResponse.class);
        sdk.fails(99404, content, DeleteAlertContentResponse.class);
        DeleteAlertTypeRequest type = new DeleteAlertTypeRequest();
        type.setOrgId(sdk.orgId());
        type.setAlertTypeId("sdkType");
        sdk.ok(type, DeleteAlertTypeResponse.class);
        DeleteAlertSeverityRequest severity = new DeleteAlertSeverityRequest();
        severity.setOrgId(sdk.orgId());
        severity.setSeverityId("sdkSeverity");
        sdk.ok(severity, DeleteAlertSeverityResponse.class);
    }

    void alerts(String assetId) {
        String eventId = createActive(assetId, now.minusSeconds(600));
        SearchActiveAlertRequest search = new SearchActiveAlertRequest();
        search.setOrgId(sdk.orgId());
        search.setAssetId(assetId);
        search.setPagination(Sdk.firstPage(100));
        var active = sdk.ok(search, SearchActiveAlertResponse.class).getData();
        assertTrue(active.stream().anyMatch(a -> a.getEventId().equals(eventId)));

        AggregateActiveAlertRequest aggregate = new AggregateActiveAlertRequest();
        aggregate.setOrgId(sdk.orgId());
        aggregate.setGroupByField("assetId");
        Map<String, Object> counts = sdk.ok(aggregate, AggregateActiveAlertResponse.class).getData();
        assertNotNull(counts.get(assetId), "the created alert is counted under its asset");

        UpdateActiveAlertTagsRequest tags = new UpdateActiveAlertTagsRequest();
        tags.setOrgId(sdk.orgId());
        tags.setEventId(eventId);
        tags.setTags(Map.of("origin", "sdk"));
        sdk.ok(tags, UpdateActiveAlertTagsResponse.class);
        BatchUpdateActiveAlertTagsRequest batch = new BatchUpdateActiveAlertTagsRequest();
        batch.setOrgId(sdk.orgId());
        batch.setEventIds(List.of(eventId));
        batch.setTags(Map.of("batch", "yes"));
        batch.setIsPatchUpdate(true);
        sdk.ok(batch, BatchUpdateActiveAlertTagsResponse.class);
        var tagged = sdk.ok(search, SearchActiveAlertResponse.class).getData().stream()
                .filter(a -> a.getEventId().equals(eventId)).findFirst().orElseThrow();
        assertEquals(Map.of("origin", "sdk", "batch", "yes"), tagged.getTag());

        CloseActiveAlertRequest close = new CloseActiveAlertRequest();
        close.setOrgId(sdk.orgId());
        close.setEventId(eventId);
        close.setRecoverTime(now.toEpochMilli());
        close.setRecoverReason("fixed by the SDK");
        sdk.ok(close, CloseActiveAlertResponse.class);
        history(assetId, eventId);

        String doomed = createActive(assetId, now.minusSeconds(300));
        DeleteActiveAlertRequest delete = new DeleteActiveAlertRequest();
        delete.setOrgId(sdk.orgId());
        delete.setEventId(doomed);
        sdk.ok(delete, DeleteActiveAlertResponse.class);
        assertTrue(sdk.ok(search, SearchActiveAlertResponse.class).getData().stream()
                .noneMatch(a -> a.getEventId().equals(doomed) || a.getEventId().equals(eventId)));
    }

    private void history(String assetId, String closedId) {
        GenerateHistoryAlert alert = new GenerateHistoryAlert();
        alert.setAssetId(assetId);
        alert.setModelId(METER_MODEL);
        alert.setMeasurepointId("METER.ActivePower");
        alert.setValue(5);
        alert.setOccurTime(now.minusSeconds(3600).toEpochMilli());
        alert.setRecoverTime(now.minusSeconds(1800).toEpochMilli());
        alert.setSeverityId("major");
        CreateHistoryAlertRequest create = new CreateHistoryAlertRequest();
        create.setOrgId(sdk.orgId());
        create.setHistoryAlert(alert);
        String created = sdk.ok(create, CreateHistoryAlertResponse.class).getData();
        assertNotNull(created, "create history alert answers the event id");

        UpdateHistoryAlertTagsRequest tags = new UpdateHistoryAlertTagsRequest();
        tags.setOrgId(sdk.orgId());
        tags.setEventId(created);
        tags.setTags(Map.of("origin", "sdk"));
        sdk.ok(tags, UpdateHistoryAlertTagsResponse.class);

        SearchHistoryAlertRequest search = new SearchHistoryAlertRequest();
        search.setOrgId(sdk.orgId());
        search.setAssetId(assetId);
        search.setStartOccurTime(now.minusSeconds(7200).toString());
        search.setEndOccurTime(now.toString());
        search.setPagination(Sdk.firstPage(100));
        var history = sdk.ok(search, SearchHistoryAlertResponse.class).getData();
        var ours = history.stream().filter(a -> a.getEventId().equals(created)).findFirst().orElseThrow();
        assertEquals("sdk", ours.getTag().get("origin"));
        var closed = history.stream().filter(a -> a.getEventId().equals(closedId)).findFirst().orElseThrow();
        assertEquals(now.toEpochMilli(), closed.getRecoverTime());
        search.setStartOccurTime(null);
        assertNull(sdk.call(search, SearchHistoryAlertResponse.class).getData(), "startOccurTime is mandatory");
        sdk.fails(99400, search, SearchHistoryAlertResponse.class);
    }

    private String createActive(String assetId, Instant occur) {
        GenerateActiveAlert alert = new GenerateActiveAlert();
        alert.setAssetId(assetId);
        alert.setModelId(METER_MODEL);
        alert.setMeasurepointId("METER.ActivePower");
        alert.setValue(42);
        alert.setOccurTime(occur.toEpochMilli());
        alert.setSeverityId("minor");
        alert.setContentId("WTG_FAULT");
        CreateActiveAlertRequest create = new CreateActiveAlertRequest();
        create.setOrgId(sdk.orgId());
        create.setActiveAlert(alert);
        String eventId = sdk.ok(create, CreateActiveAlertResponse.class).getData();
        assertNotNull(eventId, "create active alert answers the event id");
        return eventId;
    }
}
