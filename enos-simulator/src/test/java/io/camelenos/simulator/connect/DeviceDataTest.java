package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.camelenos.simulator.connect.ConnectTestSupport.COMMANDS;
import static io.camelenos.simulator.connect.ConnectTestSupport.DEVICES;
import static io.camelenos.simulator.connect.ConnectTestSupport.EVENTS;
import static io.camelenos.simulator.connect.ConnectTestSupport.FILES;
import static io.camelenos.simulator.connect.ConnectTestSupport.INTEGRATION;
import static io.camelenos.simulator.connect.ConnectTestSupport.LOGS;
import static io.camelenos.simulator.connect.ConnectTestSupport.MEASUREPOINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceDataTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:34:56Z");

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    private ConnectTestSupport t;

    @BeforeEach
    void fixClock() {
        enos.simulator().clock().fixAt(NOW);
        t = new ConnectTestSupport(enos.simulator());
    }

    private JsonNode point(JsonNode latest, String id) {
        for (JsonNode p : latest) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void queryLatestAnswersTheTimeSeriesValueAtTheLastSampleBeforeNow() {
        JsonNode device = t.deviceWithStatus("online", 50);
        String assetId = device.get("assetId").asText();
        int index = t.data().indexOf(assetId);
        ObjectNode body = Json.object();
        body.putArray("measurepointIds").add("WTG.WindSpeed").add("WTG.GenActivePW");

        JsonNode latest = t.ok(t.post(MEASUREPOINTS, "queryLatest", body, "assetId", assetId));

        assertEquals(2, latest.size());
        JsonNode wind = point(latest, "WTG.WindSpeed");
        long time = Long.parseLong(wind.get("time").asText());
        assertTrue(time <= NOW.toEpochMilli() && time > NOW.toEpochMilli() - 600_000L, "time " + time);
        TimeSeries series = new TimeSeries(t.data());
        assertEquals(series.value(index, ThingModels.WIND_TURBINE.point("WTG.WindSpeed"), time),
                wind.get("value").asDouble(), 1e-9);
        JsonNode all = t.ok(t.post(MEASUREPOINTS, "queryLatest", null, "productKey",
                device.get("productKey").asText(), "deviceKey", device.get("deviceKey").asText()));
        assertEquals(ThingModels.WIND_TURBINE.points().size(), all.size());
    }

    @Test
    void integrationUploadIsWhatQueryLatestAnswers() {
        String assetId = t.data().assetId(2);
        long time = NOW.toEpochMilli() + 1000;
        String message = "{\"id\":\"1\",\"version\":\"1.1\",\"method\":\"integration.measurepoint.post\",\"params\":[{"
                + "\"productKey\":\"" + t.data().productKeyOf(2) + "\",\"deviceKey\":\"" + t.data().deviceKeyOf(2)
                + "\",\"time\":" + time + ",\"measurepoints\":{\"WTG.WindSpeed\":42.5}}]}";

        SimClient.Answer upload = t.multipart(INTEGRATION, "postMeasurepoint", message, Map.of());

        t.ok(upload);
        ObjectNode body = Json.object();
        body.putArray("measurepointIds").add("WTG.WindSpeed");
        JsonNode latest = t.ok(t.post(MEASUREPOINTS, "queryLatest", body, "assetId", assetId));
        assertEquals(42.5, latest.get(0).get("value").asDouble());
        assertEquals(Long.toString(time), latest.get(0).get("time").asText());
        JsonNode device = t.ok(t.get(DEVICES, "get", "assetId", assetId));
        assertEquals(time, device.get("measurepointLastUpdate").asLong());
    }

    @Test
    void integrationTakesTheAccessTokenAloneAsTheIntegrationSdkSendsIt() {
        String message = "{\"id\":\"5\",\"version\":\"1.1\",\"method\":\"integration.measurepoint.post\",\"params\":[{"
                + "\"assetId\":\"" + t.data().assetId(6) + "\",\"time\":" + NOW.toEpochMilli()
                + ",\"measurepoints\":{\"WTG.WindSpeed\":7.25}}]}";

        t.ok(t.multipart(INTEGRATION, "postMeasurepoint", message, Map.of(), false));

        java.net.http.HttpRequest tokenOnly = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        enos.simulator().baseUrl() + MEASUREPOINTS + SimClient.queryString(Map.of("orgId",
                                enos.simulator().orgId(), "action", "queryLatest", "assetId", t.data().assetId(6)))))
                .header("apim-accesstoken", t.client.token())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        SimClient.Answer unsigned = t.client.execute(tokenOnly);
        assertEquals(401, unsigned.status(), "other Connection endpoints still need the signature");
        assertEquals(1202, unsigned.body().get("status").asInt());
    }

    @Test
    void integrationFileIsStoredDownloadedAndDeleted() throws Exception {
        String assetId = t.data().assetId(3);
        String message = "{\"id\":\"2\",\"version\":\"1.1\",\"method\":\"integration.measurepoint.post\",\"params\":[{"
                + "\"assetId\":\"" + assetId + "\",\"time\":" + NOW.toEpochMilli()
                + ",\"measurepoints\":{\"WTG.RotorSpeed\":\"local://log.txt\"}}],"
                + "\"files\":{\"log.txt\":{\"featureId\":\"WTG.RotorSpeed\",\"assetId\":\"" + assetId + "\"}}}";
        t.ok(t.multipart(INTEGRATION, "postMeasurepoint", message, Map.of("log.txt", "hello file")));
        ObjectNode body = Json.object();
        body.putArray("measurepointIds").add("WTG.RotorSpeed");
        String uri = t.ok(t.post(MEASUREPOINTS, "queryLatest", body, "assetId", assetId)).get(0).get("value").asText();
        assertTrue(uri.contains("log.txt"), uri);

        String[] download = t.download(uri, assetId);

        assertEquals("200", download[0]);
        assertEquals("application/octet-stream", download[1]);
        assertEquals("hello file", download[2]);
        t.ok(t.post(FILES, "delete", null, "fileUri", uri));
        assertEquals(99404, t.post(FILES, "delete", null, "fileUri", uri).code());
    }

    @Test
    void integrationEventsAndAttributesAreStored() {
        String assetId = t.data().assetId(4);
        String events = "{\"id\":\"3\",\"version\":\"1.1\",\"method\":\"integration.event.post\",\"params\":[{"
                + "\"assetId\":\"" + assetId + "\",\"time\":" + (NOW.toEpochMilli() - 5000)
                + ",\"events\":{\"overTemperature\":{\"temperature\":99}}}]}";
        String attributes = "{\"id\":\"4\",\"version\":\"1.1\",\"method\":\"integration.attribute.post\",\"params\":[{"
                + "\"assetId\":\"" + assetId + "\",\"attributes\":{\"hubHeight\":133}}]}";

        t.ok(t.multipart(INTEGRATION, "postEvent", events, Map.of()));
        t.ok(t.multipart(INTEGRATION, "postAttribute", attributes, Map.of()));

        JsonNode found = t.ok(t.post(EVENTS, "search", Json.object().put("assetId", assetId)
                .put("tslEventKey", "overTemperature").put("startTime", "2026-03-10T12:00:00Z")));
        assertEquals(1, found.size());
        assertTrue(found.get(0).get("output").asText().contains("99"));
        assertEquals(found.get(0), t.ok(t.get(EVENTS, "get", "eventId", found.get(0).get("eventId").asText())));
        assertEquals(133, t.ok(t.get(DEVICES, "get", "assetId", assetId)).get("deviceAttributes").get("hubHeight").asInt());
        assertEquals(99400, t.multipart(INTEGRATION, "postMeasurepoint", "{\"params\":[]}", Map.of()).code());
    }

    @Test
    void setMeasurepointOnAnOnlineDeviceIsSentAndBecomesTheLatestValue() {
        JsonNode device = t.deviceWithStatus("online");
        String assetId = device.get("assetId").asText();

        JsonNode sent = t.ok(t.post(COMMANDS, "setMeasurepoint", Json.object().put("value", 1234.5),
                "assetId", assetId, "measurepointId", "WTG.GenActivePW"));

        String commandId = sent.get("commandId").asText();
        JsonNode command = t.ok(t.get(COMMANDS, "get", "assetId", assetId, "commandId", commandId));
        assertEquals(5, command.get("state").asInt());
        assertEquals(1, command.get("commandType").asInt());
        assertEquals("WTG.GenActivePW", command.get("tslIdentifier").asText());
        assertEquals(1234.5, command.get("inputData").get("WTG.GenActivePW").asDouble());
        ObjectNode body = Json.object();
        body.putArray("measurepointIds").add("WTG.GenActivePW");
        assertEquals(1234.5, t.ok(t.post(MEASUREPOINTS, "queryLatest", body, "assetId", assetId))
                .get(0).get("value").asDouble());
        assertEquals(99400, t.post(COMMANDS, "setMeasurepoint", Json.object().put("value", 1),
                "assetId", assetId, "measurepointId", "NoSuchPoint").code());
        assertEquals(99400, t.post(COMMANDS, "setMeasurepoint", Json.object().put("value", 1),
                "assetId", assetId, "measurepointId", "WTG.GenActivePW", "timeout", "61").code());
    }

    @Test
    void instantCommandsNeedAnActivatedOnlineDevice() {
        String inactive = t.deviceWithStatus("inactive").get("assetId").asText();
        String offline = t.deviceWithStatus("offline").get("assetId").asText();
        ObjectNode input = Json.object();
        input.putObject("inputData");

        assertEquals(11888, t.post(COMMANDS, "invokeService", input, "assetId", inactive, "serviceId", "restart").code());
        assertEquals(11900, t.post(COMMANDS, "invokeService", input, "assetId", offline, "serviceId", "restart").code());
        JsonNode cached = t.ok(t.post(COMMANDS, "invokeService", input, "assetId", offline, "serviceId", "restart",
                "pendingTtl", "600"));
        assertTrue(cached.has("commandId"));
        assertTrue(!cached.has("outputData"), "a cached command has no output yet");
        String online = t.deviceWithStatus("online").get("assetId").asText();
        JsonNode instant = t.ok(t.post(COMMANDS, "invokeService", input, "assetId", online, "serviceId", "restart"));
        assertTrue(instant.has("outputData"));
    }

    @Test
    void cachedCommandsCanBeCancelledExpireAndAreLimited() {
        String offline = t.deviceWithStatus("offline").get("assetId").asText();
        ObjectNode input = Json.object();
        input.putObject("inputData");
        String first = null;
        for (int i = 0; i < Commands.MAX_CACHED_PER_DEVICE; i++) {
            SimClient.Answer a = t.post(COMMANDS, "invokeService", input, "assetId", offline, "serviceId", "restart",
                    "pendingTtl", "60");
            if (a.code() == 11902) {
                break; // another test left cached commands on this device
            }
            String id = t.ok(a).get("commandId").asText();
            first = first == null ? id : first;
        }
        assertEquals(11902, t.post(COMMANDS, "invokeService", input, "assetId", offline, "serviceId", "restart",
                "pendingTtl", "60").code());

        JsonNode cancelled = t.ok(t.post(COMMANDS, "cancel", null, "assetId", offline, "commandId", first));
        assertEquals(first, cancelled.get(0).get("commandId").asText());
        assertEquals(2, cancelled.get(0).get("state").asInt());
        assertEquals(2, t.ok(t.get(COMMANDS, "get", "assetId", offline, "commandId", first)).get("state").asInt());
        enos.simulator().clock().advance(Duration.ofMinutes(20));
        JsonNode expired = t.ok(t.post(COMMANDS, "search", Json.object().put("expression", "state = 3"),
                "assetId", offline));
        assertTrue(expired.size() >= Commands.MAX_CACHED_PER_DEVICE - 1);
        assertEquals(0, t.ok(t.get(COMMANDS, "cancel", "assetId", offline)).size(),
                "without commandId every cached command is cancelled (here none is left; GET as the SDK sends)");
        assertEquals(99400, t.post(COMMANDS, "cancel", null, "assetId", offline, "commandId", first).code());
    }

    @Test
    void searchCommandsIsNewestFirstWithDefaultPageOf100() {
        String online = t.deviceWithStatus("online").get("assetId").asText();
        for (int i = 0; i < 3; i++) {
            enos.simulator().clock().advance(Duration.ofSeconds(1));
            t.ok(t.post(COMMANDS, "setMeasurepoint", Json.object().put("value", i), "assetId", online,
                    "measurepointId", "WTG.RotorSpeed"));
        }
        ObjectNode body = Json.object().put("expression", "commandType = 1");
        body.putArray("projection").add("commandId").add("createTime");

        SimClient.Answer answer = t.post(COMMANDS, "search", body, "assetId", online);

        JsonNode found = t.ok(answer);
        assertTrue(found.size() >= 3);
        assertEquals(100, answer.body().get("pagination").get("pageSize").asInt());
        assertTrue(found.get(0).get("createTime").asLong() >= found.get(1).get("createTime").asLong());
        assertEquals(2, found.get(0).size());
    }

    @Test
    void customFormatProductsCannotEncodeCommands11810() {
        ObjectNode product = Json.object().put("modelId", "EnOS_Wind_Turbine").put("dataFormat", "Custom")
                .put("productType", "Device").put("biDirectionalAuth", false).put("productName", "custom");
        String productKey = t.ok(t.post(ConnectTestSupport.PRODUCTS, "create", product)).asText();
        t.ok(t.post(DEVICES, "create", ConnectTestSupport.deviceBody(productKey, "custom-1", "c")));

        SimClient.Answer answer = t.post(COMMANDS, "setMeasurepoint", Json.object().put("value", 1),
                "productKey", productKey, "deviceKey", "custom-1", "measurepointId", "WTG.RotorSpeed");

        assertEquals(11810, answer.code());
    }

    @Test
    void generatedEventsAreDeterministicAndSearchableByDevice() {
        ObjectNode body = Json.object().put("startTime", "2026-01-01T00:00:00Z").put("endTime", "2026-03-10T00:00:00Z");
        body.putObject("pagination").put("pageSize", 50);

        SimClient.Answer answer = t.post(EVENTS, "search", body);

        JsonNode events = t.ok(answer);
        assertTrue(events.size() > 0);
        assertEquals("timestamp", answer.body().get("pagination").get("sortedBy").get(0).get("field").asText());
        JsonNode first = events.get(0);
        assertTrue(first.get("timestamp").asLong() >= events.get(events.size() - 1).get("timestamp").asLong());
        assertEquals(first, t.ok(t.get(EVENTS, "get", "eventId", first.get("eventId").asText())));
        JsonNode mine = t.ok(t.post(EVENTS, "search", body.deepCopy().put("assetId", first.get("assetId").asText())));
        mine.forEach(e -> assertEquals(first.get("assetId").asText(), e.get("assetId").asText()));
        JsonNode byExpression = t.ok(t.post(EVENTS, "search", body.deepCopy()
                .put("expression", "tslEventKey in ('gridFault')")));
        byExpression.forEach(e -> assertEquals("gridFault", e.get("tslEventKey").asText()));
        assertEquals(99404, t.get(EVENTS, "get", "eventId", "nope").code());
    }

    @Test
    void deviceLogsNeedATimeRangeAndFilterByDevice() {
        long end = NOW.toEpochMilli();
        long start = end - 30 * 86_400_000L;
        String productKey = t.data().productKeyOf(1);
        ObjectNode body = Json.object().put("expression", "productKey in ('" + productKey + "')");
        body.putArray("projection").add("assetId").add("productKey").add("code").add("content").add("createTime");

        SimClient.Answer answer = t.post(LOGS, "search", body, "startTime", Long.toString(start),
                "endTime", Long.toString(end));

        JsonNode logs = t.ok(answer);
        assertTrue(logs.size() > 0);
        assertEquals(100, answer.body().get("pagination").get("pageSize").asInt());
        for (JsonNode log : logs) {
            assertEquals(productKey, log.get("productKey").asText());
            long time = log.get("createTime").asLong();
            assertTrue(time >= start && time <= end);
        }
        assertEquals(99400, t.post(LOGS, "search", Json.object(), "startTime", Long.toString(start)).code());
    }

    @Test
    void unknownDeviceIs99404AndAMissingIdentifier99400() {
        assertEquals(99404, t.post(MEASUREPOINTS, "queryLatest", null, "assetId", "zz00000000").code());
        assertEquals(99400, t.post(MEASUREPOINTS, "queryLatest", null).code());
        assertEquals(99400, t.post(MEASUREPOINTS, "queryLatest", null, "productKey", t.data().productKeyOf(1)).code());
        assertTrue(DataSet.isSite(0));
    }
}
