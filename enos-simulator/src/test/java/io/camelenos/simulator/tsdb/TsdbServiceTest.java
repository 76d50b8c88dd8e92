package io.camelenos.simulator.tsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.auth.Signature;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.MeasurementOverlay;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.fault.FaultKind;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsdbServiceTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(150));

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
    private static final PointDef POWER = ThingModels.WIND_TURBINE.point("WTG.GenActivePW");
    private static final PointDef WIND = ThingModels.WIND_TURBINE.point("WTG.WindSpeed");
    private static final PointDef STATUS = ThingModels.WIND_TURBINE.point("WTG.Status");
    private static final PointDef ENERGY = ThingModels.WIND_TURBINE.point("WTG.TotalEnergy");
    private static final PointDef METER_POWER = ThingModels.METER.point("METER.ActivePower");
    /** Turbines of the first wind block (Australia/Sydney with the default seed). */
    private static final int TURBINE = 1;
    private static final int TURBINE_2 = 2;
    /** Meters of the first two blocks: two timezones other than UTC and each other. */
    private static final int METER_A = 24;
    private static final int METER_B = 49;

    private SimClient client;
    private DataSet dataSet;
    private TimeSeries series;

    @BeforeEach
    void setUp() {
        enos.simulator().clock().fixAt(NOW);
        client = new SimClient(enos.simulator());
        dataSet = enos.simulator().dataSet();
        series = new TimeSeries(dataSet);
    }

    private String id(int index) {
        return dataSet.assetId(index);
    }

    private SimClient.Answer v21(String path, ObjectNode body) {
        return client.post("/tsdb-service/v2.1/" + path, Map.of(), body);
    }

    private JsonNode items(SimClient.Answer answer) {
        assertEquals(200, answer.status(), () -> answer.body().toString());
        assertEquals(0, answer.code(), () -> answer.body().toString());
        return answer.data().get("items");
    }

    private static ObjectNode body(String assetIds, String pointIds, String start, String end) {
        return Json.object().put("assetIds", assetIds).put("pointIds", pointIds).put("startTime", start)
                .put("endTime", end);
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** The computed samples of a point in [from, to], as the emulator documents them. */
    private List<Long> samples(int index, PointDef point, long from, long to) {
        List<Long> result = new ArrayList<>();
        for (long t = TimeSeries.firstSampleAtOrAfter(point, from); t <= to; t += TimeSeries.intervalMillis(point)) {
            if (series.hasSample(index, point, t)) {
                result.add(t);
            }
        }
        return result;
    }

    private static List<Long> timestamps(JsonNode items) {
        List<Long> result = new ArrayList<>();
        items.forEach(item -> result.add(item.get("timestamp").asLong()));
        return result;
    }

    private void assertError(SimClient.Answer answer, int code, String messagePart) {
        assertEquals(code, answer.code(), () -> answer.body().toString());
        assertTrue(answer.body().path("msg").asText().contains(messagePart), () -> answer.body().toString());
    }

    // ---- raw: bounds, values, time formats ----

    @Test
    void rawIncludesBothStartAndEndAndAnswersTheComputedValues() {
        long start = ms("2024-02-01T00:00:00Z");
        long end = ms("2024-02-01T02:00:00Z");
        JsonNode items = items(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z",
                "2024-02-01T02:00:00Z")));

        List<Long> expected = samples(TURBINE, POWER, start, end);
        assertEquals(expected, timestamps(items));
        assertTrue(expected.contains(start) || !series.hasSample(TURBINE, POWER, start));
        for (JsonNode item : items) {
            assertEquals(id(TURBINE), item.get("assetId").asText());
            assertEquals(series.value(TURBINE, POWER, item.get("timestamp").asLong()),
                    item.get(POWER.id()).asDouble());
            assertTrue(item.get("localtime").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        }
    }

    @Test
    void localTimeIsReadInEachAssetsOwnTimezone() {
        ZoneId zoneA = ZoneId.of(dataSet.timezoneOf(METER_A));
        ZoneId zoneB = ZoneId.of(dataSet.timezoneOf(METER_B));
        assertNotEquals(zoneA.getRules().getOffset(NOW), zoneB.getRules().getOffset(NOW));

        JsonNode items = items(v21("raw", body(id(METER_A) + "," + id(METER_B), METER_POWER.id(),
                "2024-02-10 06:00:00", "2024-02-10 06:30:00").put("localTimeFormat", 1)));

        LocalDateTime start = LocalDateTime.parse("2024-02-10T06:00:00");
        for (int index : new int[] {METER_A, METER_B}) {
            ZoneId zone = ZoneId.of(dataSet.timezoneOf(index));
            long from = start.atZone(zone).toInstant().toEpochMilli();
            List<Long> expected = samples(index, METER_POWER, from, from + 30 * 60_000L);
            List<JsonNode> mine = new ArrayList<>();
            items.forEach(i -> {
                if (i.get("assetId").asText().equals(id(index))) {
                    mine.add(i);
                }
            });
            assertEquals(expected, mine.stream().map(i -> i.get("timestamp").asLong()).toList());
            String offset = zone.getRules().getOffset(Instant.ofEpochMilli(from)).getId();
            assertTrue(mine.get(0).get("localtime").asText().startsWith("2024-02-10T06:"));
            assertTrue(mine.get(0).get("localtime").asText().endsWith(offset), mine.get(0).toString());
        }
    }

    @Test
    void isoTimeIsOneWindowForAllAssets() {
        JsonNode items = items(v21("raw", body(id(METER_A) + "," + id(METER_B), METER_POWER.id(),
                "2024-02-10T06:00:00+08:00", "2024-02-10T06:10:00+08:00")));

        long from = ms("2024-02-09T22:00:00Z");
        List<Long> expected = new ArrayList<>(samples(METER_A, METER_POWER, from, from + 600_000));
        expected.addAll(samples(METER_B, METER_POWER, from, from + 600_000));
        assertEquals(expected, timestamps(items));
    }

    @Test
    void localTimeWithMillisecondsAndAccuracy() {
        ZoneId zone = ZoneId.of(dataSet.timezoneOf(TURBINE));
        JsonNode items = items(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01 00:00:00.001",
                "2024-02-01 00:03:00.000").put("localTimeAccuracy", "true")));

        long from = LocalDateTime.parse("2024-02-01T00:00:00.001").atZone(zone).toInstant().toEpochMilli();
        assertEquals(samples(TURBINE, POWER, from, from + 179_999), timestamps(items));
        assertTrue(items.get(0).get("localtime").asText().endsWith(":00.000"), items.toString());
    }

    @Test
    void aLocalTimeReadContinuesFromTheLocalTimeOfTheLastTimestampPlusOneMillisecond() {
        ZoneId zone = ZoneId.of(dataSet.timezoneOf(METER_A));
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(zone);
        String start = "2024-02-10 00:00:00";
        List<Long> read = new ArrayList<>();
        int pages = 0;
        while (true) {
            JsonNode items = items(v21("raw", body(id(METER_A), METER_POWER.id(), start, "2024-02-10 06:00:00")
                    .put("pageSize", 100)));
            pages++;
            List<Long> page = timestamps(items);
            read.addAll(page);
            if (page.size() < 100) {
                break;
            }
            start = local.format(Instant.ofEpochMilli(page.get(page.size() - 1) + 1));
        }
        long from = LocalDateTime.parse("2024-02-10T00:00:00").atZone(zone).toInstant().toEpochMilli();
        assertEquals(samples(METER_A, METER_POWER, from, from + 6 * 3_600_000L), read);
        assertEquals(4, pages);
    }

    @Test
    void localTimesFollowTheAssetsDaylightSavingChange() {
        enos.simulator().clock().fixAt(Instant.parse("2024-05-01T00:00:00Z"));
        assertEquals("Australia/Sydney", dataSet.timezoneOf(TURBINE));

        JsonNode items = items(v21("raw", body(id(TURBINE), POWER.id(), "2024-04-06T15:50:00Z",
                "2024-04-06T16:10:00Z").put("localTimeFormat", 1)));

        for (JsonNode item : items) {
            boolean summer = item.get("timestamp").asLong() < ms("2024-04-06T16:00:00Z");
            String localtime = item.get("localtime").asText();
            assertTrue(localtime.endsWith(summer ? "+11:00" : "+10:00"), localtime);
            assertTrue(localtime.startsWith(summer ? "2024-04-07T02:5" : "2024-04-07T02:"), localtime);
        }
    }

    @Test
    void startAndEndInDifferentFormatsFail80400() {
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01 00:00:00", "2024-02-01T01:00:00Z")),
                80400, "same format");
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-02T00:00:00Z", "2024-02-01T01:00:00Z")),
                80400, "after endTime");
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "yesterday", "today")), 80400, "startTime");
        assertError(v21("raw", Json.object().put("assetIds", id(TURBINE)).put("pointIds", POWER.id())),
                80400, "startTime is missing");
        assertError(v21("raw", body(",", POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")),
                80400, "assetIds is missing");
        assertError(v21("raw", body(id(TURBINE), " ", "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")),
                80400, "pointIds is missing");
        assertError(client.send("POST", "/tsdb-service/v2.1/raw", Map.of("orgId", enos.simulator().orgId()),
                "{not json", true), 80400, "body");
    }

    @Test
    void nothingIsAnsweredAfterNowOrBeforeTheFleetExists() {
        JsonNode future = items(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-29T23:58:00Z",
                "2024-03-02T00:00:00Z")));
        assertEquals(samples(TURBINE, POWER, ms("2024-02-29T23:58:00Z"), NOW.toEpochMilli()), timestamps(future));

        JsonNode past = items(v21("raw", body(id(TURBINE), POWER.id(), "2023-12-31T23:00:00Z",
                "2024-01-01T00:02:00Z")));
        assertEquals(samples(TURBINE, POWER, DataSet.EPOCH_MILLIS, ms("2024-01-01T00:02:00Z")), timestamps(past));
    }

    // ---- item formats, quality, order ----

    @Test
    void itemFormat1MergesThePointsOfOneTimestamp() {
        JsonNode items = items(v21("raw", body(id(TURBINE), POWER.id() + "," + STATUS.id(),
                "2024-02-01T00:00:00Z", "2024-02-01T00:10:00Z").put("itemFormat", 1).put("withQuality", true)));

        long from = ms("2024-02-01T00:00:00Z");
        List<Long> expected = samples(TURBINE, POWER, from, from + 600_000);
        samples(TURBINE, STATUS, from, from + 600_000).stream().filter(t -> !expected.contains(t))
                .forEach(expected::add);
        expected.sort(Long::compare);
        assertEquals(expected, timestamps(items));
        for (JsonNode item : items) {
            long t = item.get("timestamp").asLong();
            assertEquals(series.hasSample(TURBINE, POWER, t), item.has(POWER.id()));
            assertEquals(series.hasSample(TURBINE, STATUS, t), item.has(STATUS.id()));
            if (item.has(STATUS.id())) {
                assertTrue(item.get(STATUS.id()).isIntegralNumber());
                assertEquals((long) series.value(TURBINE, STATUS, t), item.get(STATUS.id()).asLong());
                assertEquals("0", item.get("quality").get(STATUS.id()).asText());
            }
        }
    }

    @Test
    void itemFormat2AnswersColumnsPerAssetAndPoint() {
        JsonNode items = items(v21("raw", body(id(TURBINE) + "," + id(TURBINE_2), POWER.id() + "," + WIND.id(),
                "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z").put("itemFormat", "2").put("withQuality", "true")));

        assertEquals(4, items.size());
        long from = ms("2024-02-01T00:00:00Z");
        int i = 0;
        for (int index : new int[] {TURBINE, TURBINE_2}) {
            for (PointDef point : List.of(POWER, WIND)) {
                JsonNode item = items.get(i++);
                assertEquals(id(index), item.get("assetId").asText());
                assertEquals(point.id(), item.get("pointId").asText());
                List<Long> expected = samples(index, point, from, from + 3_600_000);
                List<Long> got = new ArrayList<>();
                item.get("timestamp").forEach(t -> got.add(t.asLong()));
                assertEquals(expected, got);
                assertEquals(expected.size(), item.get("value").size());
                assertEquals(expected.size(), item.get("localTime").size());
                assertEquals(expected.size(), item.get("dataQuality").size());
                for (int k = 0; k < expected.size(); k++) {
                    assertEquals(series.value(index, point, expected.get(k)), item.get("value").get(k).asDouble());
                    assertEquals(String.valueOf(series.quality(index, point, expected.get(k))),
                            item.get("dataQuality").get(k).asText());
                }
            }
        }
    }

    @Test
    void withQualityReportsTheQualityFlagOfEachSample() {
        long from = ms("2024-01-20T00:00:00Z");
        JsonNode items = items(v21("raw", body(id(TURBINE), POWER.id(), "2024-01-20T00:00:00Z",
                "2024-01-21T00:00:00Z").put("withQuality", true).put("pageSize", 2000)));

        boolean uncertainSeen = false;
        for (JsonNode item : items) {
            int quality = series.quality(TURBINE, POWER, item.get("timestamp").asLong());
            assertEquals(String.valueOf(quality), item.get("quality").asText());
            uncertainSeen |= quality != 0;
        }
        assertEquals(samples(TURBINE, POWER, from, from + 86_400_000).size(), items.size());
        assertTrue(uncertainSeen, "a day of 1-minute samples has some of uncertain quality");
        JsonNode without = items(v21("raw", body(id(TURBINE), POWER.id(), "2024-01-20T00:00:00Z",
                "2024-01-20T00:05:00Z")));
        assertFalse(without.get(0).has("quality"));
    }

    @Test
    void orderByDescendingAnswersTheNewestFirstAndPagesBackward() {
        long start = ms("2024-02-01T00:00:00Z");
        long end = ms("2024-02-01T01:00:00Z");
        List<Long> all = samples(TURBINE, POWER, start, end);
        List<Long> read = new ArrayList<>();
        long to = end;
        while (true) {
            JsonNode items = items(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z",
                    Instant.ofEpochMilli(to).toString()).put("orderBy", "timestamp desc").put("pageSize", 25)));
            List<Long> page = timestamps(items);
            read.addAll(page);
            if (page.size() < 25) {
                break;
            }
            to = page.get(page.size() - 1) - 1;
        }
        List<Long> expected = new ArrayList<>(all);
        java.util.Collections.reverse(expected);
        assertEquals(expected, read);
    }

    @Test
    void aFullPageCutsEveryPointAtTheSameInstant() {
        JsonNode items = items(v21("raw", body(id(TURBINE), POWER.id() + "," + STATUS.id(),
                "2024-02-01T00:00:00Z", "2024-02-02T00:00:00Z").put("pageSize", 30).put("itemFormat", 2)));

        JsonNode power = items.get(0).get("timestamp");
        JsonNode status = items.get(1).get("timestamp");
        assertEquals(30, power.size());
        long cut = power.get(29).asLong();
        List<Long> expectedStatus = samples(TURBINE, STATUS, ms("2024-02-01T00:00:00Z"), cut);
        assertEquals(expectedStatus.size(), status.size());
        assertTrue(status.get(status.size() - 1).asLong() <= cut);
    }

    // ---- limits and errors ----

    @Test
    void moreThan3000AssetPointPairsFail80400() {
        String assets = IntStream.range(0, 601).mapToObj(i -> "x" + i).collect(Collectors.joining(","));
        String points = "a,b,c,d,e";

        assertError(v21("raw", body(assets, points, "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")
                .put("pageSize", 1)), 80400, "3000");
    }

    @Test
    void moreThan640000RecordsFail80400() {
        String assets = IntStream.range(1, 101).mapToObj(this::id).collect(Collectors.joining(","));

        SimClient.Answer answer = v21("raw", body(assets, POWER.id() + "," + WIND.id(), "2024-02-01T00:00:00Z",
                "2024-02-01T01:00:00Z").put("pageSize", 3201));
        assertError(answer, 80400, "640000");
        assertTrue(answer.body().get("msg").asText().contains("pageSize"));
    }

    @Test
    void unknownAssetAndPointOutsideTheModelFail80401() {
        assertError(v21("raw", body("nosuchasset", POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")),
                80401, "nosuchasset");
        assertError(v21("raw", body(id(TURBINE), "INV.DCVoltage", "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")),
                80401, "INV.DCVoltage");
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")
                .put("modelId", "EnOS_Meter")), 80401, "EnOS_Meter");
    }

    @Test
    void foreignOrgFails80401AndMissingOrg80400() {
        SimClient.Answer foreign = client.send("POST", "/tsdb-service/v2.1/raw", Map.of("orgId", "o999"),
                body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z"), true);
        assertEquals(80401, foreign.code());
        SimClient.Answer missing = client.send("POST", "/tsdb-service/v2.1/raw", Map.of(),
                body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z"), true);
        assertEquals(80400, missing.code());
    }

    @Test
    void injectedInternalErrorFails80500() {
        enos.simulator().faults().failNext(1, FaultKind.INTERNAL_ERROR);

        SimClient.Answer answer = v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z",
                "2024-02-01T01:00:00Z"));

        assertEquals(80500, answer.code());
        assertTrue(answer.body().has("submsg") || answer.body().has("msg"));
    }

    @Test
    void badTypedParametersFail80400() {
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")
                .put("itemFormat", 3)), 80400, "itemFormat");
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")
                .put("withQuality", "maybe")), 80400, "withQuality");
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")
                .put("orderBy", "value desc")), 80400, "orderBy");
        assertError(v21("raw", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z", "2024-02-01T01:00:00Z")
                .put("pageSize", 0)), 80400, "pageSize");
    }

    // ---- ai, generic, di ----

    @Test
    void aiReadsAiPointsAndRefusesOthers() {
        JsonNode items = items(v21("ai", body(id(TURBINE), POWER.id(), "2024-02-01T00:00:00Z",
                "2024-02-01T00:30:00Z").put("boundaryType", "outside")));
        assertEquals(samples(TURBINE, POWER, ms("2024-02-01T00:00:00Z"), ms("2024-02-01T00:30:00Z")),
                timestamps(items));

        assertError(v21("ai", body(id(TURBINE), STATUS.id(), "2024-02-01T00:00:00Z", "2024-02-01T00:30:00Z")),
                80400, "DI");
    }

    @Test
    void genericReadsAnyPoint() {
        JsonNode items = items(v21("generic", body(id(TURBINE), ENERGY.id(), "2024-02-01T00:00:00Z",
                "2024-02-01T02:00:00Z")));
        assertEquals(samples(TURBINE, ENERGY, ms("2024-02-01T00:00:00Z"), ms("2024-02-01T02:00:00Z")),
                timestamps(items));
        assertEquals(series.value(TURBINE, ENERGY, items.get(0).get("timestamp").asLong()),
                items.get(0).get(ENERGY.id()).asDouble());
    }

    @Test
    void diAutoInterpolateStartsWithTheLastStateBeforeStart() {
        String start = "2024-02-01T00:02:00Z";
        JsonNode plain = items(v21("di", body(id(TURBINE), STATUS.id(), start, "2024-02-01T01:00:00Z")));
        assertEquals(samples(TURBINE, STATUS, ms(start), ms("2024-02-01T01:00:00Z")), timestamps(plain));

        JsonNode interpolated = items(v21("di", body(id(TURBINE), STATUS.id(), start, "2024-02-01T01:00:00Z")
                .put("autoInterpolate", "true")));
        assertEquals(ms(start), interpolated.get(0).get("timestamp").asLong());
        long before = ms("2024-02-01T00:00:00Z");
        while (!series.hasSample(TURBINE, STATUS, before)) {
            before -= 300_000;
        }
        assertEquals((long) series.value(TURBINE, STATUS, before), interpolated.get(0).get(STATUS.id()).asLong());
        assertEquals(plain.size() + 1, interpolated.size());

        assertError(v21("di", body(id(TURBINE), POWER.id(), start, "2024-02-01T01:00:00Z")), 80400, "AI");
    }

    @Test
    void diDurationSumsEachStateOverTheWindow() {
        long start = ms("2024-02-01T00:00:00Z");
        long end = ms("2024-02-03T00:00:00Z");
        JsonNode items = items(v21("di/duration", body(id(TURBINE) + "," + id(TURBINE_2), STATUS.id(),
                "2024-02-01T00:00:00Z", "2024-02-03T00:00:00Z")));

        assertEquals(2, items.size());
        JsonNode first = items.get(0);
        assertEquals(id(TURBINE), first.get("assetId").asText());
        assertEquals(STATUS.id(), first.get("pointId").asText());
        assertEquals(end, first.get("scanEndTimestamp").asLong());
        Map<String, Long> expected = new LinkedHashMap<>();
        for (long t = start; t < end; t += 300_000) {
            String state = series.hasSample(TURBINE, STATUS, t) ? String.valueOf((long) series.value(TURBINE, STATUS, t))
                    : "Unknown";
            expected.merge(state, 300_000L, Long::sum);
        }
        Map<String, Long> got = new LinkedHashMap<>();
        first.get("durations").forEach(d -> got.put(d.get("status").asText(), d.get("duration").asLong()));
        assertEquals(expected.keySet().stream().sorted().toList(), got.keySet().stream().sorted().toList());
        expected.forEach((k, v) -> assertEquals(v, got.get(k), k));
        assertEquals(end - start, got.values().stream().mapToLong(Long::longValue).sum());

        JsonNode filtered = items(v21("di/duration", body(id(TURBINE), STATUS.id(), "2024-02-01T00:00:00Z",
                "2024-02-03T00:00:00Z").put("status", "1")));
        JsonNode durations = filtered.get(0).get("durations");
        assertEquals(1, durations.size());
        assertEquals(expected.get("1"), durations.get(0).get("duration").asLong());
    }

    @Test
    void diDurationRefusesMoreThanTenPairs() {
        String assets = IntStream.range(1, 12).mapToObj(this::id).collect(Collectors.joining(","));
        assertError(v21("di/duration", body(assets, STATUS.id(), "2024-02-01T00:00:00Z", "2024-02-02T00:00:00Z")),
                80400, "10");
    }

    // ---- aggregation and electric power ----

    @Test
    void aiNormalizedAggregatesEachIntervalUnderTheLiteralKey() {
        long start = ms("2024-02-01T00:00:00Z");
        JsonNode items = items(v21("ai-normalized", Json.object().put("assetIds", id(TURBINE))
                .put("pointIdsWithLogic", "avg(WTG.GenActivePW),max(WTG.WindSpeed),count(WTG.GenActivePW)")
                .put("interval", "60").put("startTime", "2024-02-01T00:00:00Z").put("endTime", "2024-02-01T03:00:00Z")));

        assertEquals(9, items.size());
        for (int h = 0; h < 3; h++) {
            long from = start + h * 3_600_000L;
            List<Long> power = samples(TURBINE, POWER, from, from + 3_600_000L - 1);
            double avg = power.stream().mapToDouble(t -> series.value(TURBINE, POWER, t)).average().orElseThrow();
            double max = samples(TURBINE, WIND, from, from + 3_600_000L - 1).stream()
                    .mapToDouble(t -> series.value(TURBINE, WIND, t)).max().orElseThrow();
            JsonNode avgItem = items.get(h);
            assertEquals(from, avgItem.get("timestamp").asLong());
            assertEquals(avg, avgItem.get("avg(WTG.GenActivePW)").asDouble(), 1e-3);
            assertEquals(max, items.get(3 + h).get("max(WTG.WindSpeed)").asDouble());
            assertEquals(power.size(), items.get(6 + h).get("count(WTG.GenActivePW)").asInt());
        }
    }

    @Test
    void aiNormalizedExcludesTheEndAndChecksTheLogic() {
        JsonNode raw = items(v21("ai-normalized", Json.object().put("assetIds", id(TURBINE))
                .put("pointIdsWithLogic", POWER.id()).put("interval", 0)
                .put("startTime", "2024-02-01T00:00:00Z").put("endTime", "2024-02-01T00:10:00Z")));
        assertEquals(samples(TURBINE, POWER, ms("2024-02-01T00:00:00Z"), ms("2024-02-01T00:10:00Z") - 1),
                timestamps(raw));

        ObjectNode bad = Json.object().put("assetIds", id(TURBINE)).put("startTime", "2024-02-01T00:00:00Z")
                .put("endTime", "2024-02-01T00:10:00Z");
        assertError(v21("ai-normalized", bad.deepCopy().put("pointIdsWithLogic", "avg(WTG.GenActivePW)")
                .put("interval", 0)), 80400, "interval 0");
        assertError(v21("ai-normalized", bad.deepCopy().put("pointIdsWithLogic", "WTG.GenActivePW")
                .put("interval", 10)), 80400, "needs a function");
        assertError(v21("ai-normalized", bad.deepCopy().put("pointIdsWithLogic", "median(WTG.GenActivePW)")
                .put("interval", 10)), 80400, "median");
        assertError(v21("ai-normalized", bad.deepCopy().put("pointIdsWithLogic", "avg(WTG.GenActivePW)")
                .put("interval", 1441)), 80400, "1440");
        assertError(v21("ai-normalized", bad.deepCopy().put("pointIdsWithLogic", "avg(WTG.GenActivePW)")),
                80400, "interval is missing");
    }

    @Test
    void electricPowerSumsTheEnergyOfEachInterval() {
        long start = ms("2024-02-01T00:00:00Z");
        JsonNode items = items(v21("electric-power", Json.object().put("assetIds", id(TURBINE))
                .put("pointIdsWithLogic", "sum(WTG.TotalEnergy)").put("interval", 60)
                .put("startTime", "2024-02-01T00:00:00Z").put("endTime", "2024-02-01T02:00:00Z")));

        assertEquals(2, items.size());
        double expected = 0;
        for (long t : samples(TURBINE, ENERGY, start, start + 3_600_000L - 1)) {
            expected += series.value(TURBINE, ENERGY, t) - series.value(TURBINE, ENERGY, t - 600_000);
        }
        assertEquals(expected, items.get(0).get("sum(WTG.TotalEnergy)").asDouble(), 1e-6);

        assertError(v21("electric-power", Json.object().put("assetIds", id(TURBINE))
                .put("pointIdsWithLogic", "sum(WTG.GenActivePW)").put("interval", 60)
                .put("startTime", "2024-02-01T00:00:00Z").put("endTime", "2024-02-01T02:00:00Z")), 80400, "PI");
    }

    @Test
    void currentDayElectricPowerSumsFromLocalMidnight() {
        ZoneId zone = ZoneId.of(dataSet.timezoneOf(TURBINE));
        long midnight = LocalDate.ofInstant(NOW, zone).atStartOfDay(zone).toInstant().toEpochMilli();

        JsonNode items = items(v21("electric-power/current-day", Json.object().put("assetIds", id(TURBINE))
                .put("pointIds", ENERGY.id()).put("localTimeFormat", 1)));

        assertEquals(1, items.size());
        assertEquals(midnight, items.get(0).get("timestamp").asLong());
        double expected = 0;
        for (long t : samples(TURBINE, ENERGY, midnight + 1, NOW.toEpochMilli())) {
            expected += series.value(TURBINE, ENERGY, t) - series.value(TURBINE, ENERGY, t - 600_000);
        }
        assertEquals(expected, items.get(0).get("sum(WTG.TotalEnergy)").asDouble(), 1e-6);
        assertTrue(items.get(0).get("localtime").asText().contains("T00:00:00"));
    }

    // ---- latest ----

    private long latestSample(int index, PointDef point, long now) {
        long t = Math.floorDiv(now, TimeSeries.intervalMillis(point)) * TimeSeries.intervalMillis(point);
        while (!series.hasSample(index, point, t)) {
            t -= TimeSeries.intervalMillis(point);
        }
        return t;
    }

    @Test
    void latestAnswersTheLastSampleAtTheEmulatorsNow() {
        enos.simulator().clock().fixAt(Instant.parse("2024-02-20T10:07:30Z"));
        JsonNode items = items(v21("latest", Json.object().put("assetIds", id(TURBINE) + "," + id(TURBINE_2))
                .put("pointIds", POWER.id() + "," + STATUS.id()).put("timeWindow", "")));

        assertEquals(4, items.size());
        long now = ms("2024-02-20T10:07:30Z");
        JsonNode first = items.get(0);
        long t = latestSample(TURBINE, POWER, now);
        assertEquals(t, first.get("timestamp").asLong());
        assertEquals(series.value(TURBINE, POWER, t), first.get(POWER.id()).asDouble());
        assertFalse(first.has("localtime"));
        assertEquals(latestSample(TURBINE, STATUS, now), items.get(1).get("timestamp").asLong());

        enos.simulator().clock().advance(Duration.ofMinutes(10));
        JsonNode later = items(v21("latest", Json.object().put("assetIds", id(TURBINE)).put("pointIds", POWER.id())
                .put("ifWithLocalTime", "true")));
        assertEquals(latestSample(TURBINE, POWER, now + 600_000), later.get(0).get("timestamp").asLong());
        assertTrue(later.get(0).has("localtime"));
    }

    @Test
    void latestTimeWindowLeavesOutOlderValues() {
        enos.simulator().clock().fixAt(Instant.parse("2024-02-20T10:07:30Z"));
        JsonNode zero = items(v21("latest", Json.object().put("assetIds", id(TURBINE))
                .put("pointIds", ENERGY.id()).put("timeWindow", 0)));
        assertEquals(0, zero.size());
        JsonNode hour = items(v21("latest", Json.object().put("assetIds", id(TURBINE))
                .put("pointIds", ENERGY.id()).put("timeWindow", 60)));
        assertEquals(1, hour.size());
    }

    @Test
    void deleteLatestHidesTheValueUntilTheNextSample() {
        enos.simulator().clock().fixAt(Instant.parse("2024-02-20T10:07:30Z"));
        ObjectNode which = Json.object().put("assetIds", id(7)).put("pointIds", POWER.id());
        SimClient.Answer deleted = client.post("/tsdb-service/v2.1/latest", Map.of("action", "delete"), which);
        assertEquals(0, deleted.code(), deleted.body().toString());
        assertTrue(deleted.data() == null || deleted.data().isNull());

        assertEquals(0, items(v21("latest", which)).size());
        JsonNode raw = items(v21("raw", body(id(7), POWER.id(), "2024-02-20T10:00:00Z", "2024-02-20T10:07:00Z")));
        assertFalse(raw.isEmpty(), "deleting the latest value keeps the history");

        enos.simulator().clock().advance(Duration.ofMinutes(5));
        JsonNode after = items(v21("latest", which));
        assertEquals(1, after.size());
        assertTrue(after.get(0).get("timestamp").asLong() > ms("2024-02-20T10:07:30Z"));
    }

    @Test
    void latestFilterKeepsTheAssetsWhoseLatestValueMatches() {
        enos.simulator().clock().fixAt(Instant.parse("2024-02-20T10:07:30Z"));
        long now = ms("2024-02-20T10:07:30Z");
        List<Integer> turbines = List.of(1, 2, 3, 4, 5, 6);
        String ids = turbines.stream().map(this::id).collect(Collectors.joining(","));
        double[] latest = turbines.stream().mapToDouble(i -> series.value(i, WIND, latestSample(i, WIND, now))).toArray();
        double threshold = java.util.Arrays.stream(latest).sorted().toArray()[3];

        JsonNode items = items(v21("latest/filter", Json.object().put("modelId", "EnOS_Wind_Turbine")
                .put("assetIds", ids).put("pointId", WIND.id()).put("operator", "ge")
                .put("valueFilter", String.valueOf(threshold)).put("timeWindow", "")));

        long expected = java.util.Arrays.stream(latest).filter(v -> v >= threshold).count();
        assertEquals(expected, items.size());
        items.forEach(i -> assertTrue(i.get(WIND.id()).asDouble() >= threshold));

        JsonNode between = items(v21("latest/filter", Json.object().put("modelId", "EnOS_Wind_Turbine")
                .put("assetIds", ids).put("pointId", WIND.id()).put("operator", "between")
                .put("valueFilter", "-1," + threshold)));
        assertEquals(turbines.size() - expected + java.util.Arrays.stream(latest).filter(v -> v == threshold).count(),
                between.size());

        assertError(v21("latest/filter", Json.object().put("modelId", "EnOS_Wind_Turbine").put("assetIds", ids)
                .put("pointId", WIND.id()).put("operator", "like").put("valueFilter", "1")), 80400, "operator");
        assertError(v21("latest/filter", Json.object().put("modelId", "EnOS_Wind_Turbine").put("assetIds", ids)
                .put("pointId", WIND.id()).put("operator", "between").put("valueFilter", "1")), 80400, "2 values");
        assertError(v21("latest/filter", Json.object().put("assetIds", ids).put("pointId", WIND.id())
                .put("operator", "eq").put("valueFilter", "1")), 80400, "modelId");
    }

    // ---- written values ----

    @Test
    void writtenValuesOverrideTheComputedOnes() {
        MeasurementOverlay overlay = enos.simulator().context()
                .shared(MeasurementOverlay.class, c -> new MeasurementOverlay());
        int index = 3;
        long at = ms("2024-02-05T00:10:00Z");
        overlay.write(id(index), POWER.id(), at, Json.NODES.numberNode(1234.5), 0);
        overlay.write(id(index), POWER.id(), at + 30_000, Json.NODES.textNode("n/a"), 2);

        JsonNode items = items(v21("raw", body(id(index), POWER.id(), "2024-02-05T00:10:00Z",
                "2024-02-05T00:11:00Z").put("withQuality", true)));

        assertEquals(1234.5, items.get(0).get(POWER.id()).asDouble());
        assertEquals(at + 30_000, items.get(1).get("timestamp").asLong());
        assertEquals("n/a", items.get(1).get(POWER.id()).asText());
        assertEquals("2", items.get(1).get("quality").asText());
    }

    // ---- v2.0 ----

    @Test
    void v20GetAnswersInTheStatusEnvelopeWithMeasurepoints() {
        SimClient.Answer answer = client.get("/tsdb-service/v2.0/raw", Map.of("assetIds", id(TURBINE),
                "measurepoints", POWER.id(), "startTime", "2024-02-01 00:00:00", "endTime", "2024-02-01 00:10:00",
                "pageSize", ""));

        assertEquals(0, answer.body().get("status").asInt(), answer.body().toString());
        assertEquals("success", answer.body().get("msg").asText());
        assertTrue(answer.body().has("submsg"));
        ZoneId zone = ZoneId.of(dataSet.timezoneOf(TURBINE));
        long from = LocalDateTime.parse("2024-02-01T00:00:00").atZone(zone).toInstant().toEpochMilli();
        assertEquals(samples(TURBINE, POWER, from, from + 600_000), timestamps(answer.data().get("items")));
    }

    @Test
    void v20AcceptsIsoTimesWhoseOffsetLostItsPlusSign() {
        SimClient.Answer answer = client.get("/tsdb-service/v2.0/ai", Map.of("assetIds", id(TURBINE),
                "measurepoints", POWER.id(), "startTime", "2024-02-01T08:00:00+08:00",
                "endTime", "2024-02-01T08:10:00+08:00"));
        assertEquals(0, answer.body().get("status").asInt(), answer.body().toString());
        assertEquals(samples(TURBINE, POWER, ms("2024-02-01T00:00:00Z"), ms("2024-02-01T00:10:00Z")),
                timestamps(answer.data().get("items")));
    }

    @Test
    void v20ErrorsUseStatus400() {
        SimClient.Answer missingOrg = client.send("GET", "/tsdb-service/v2.0/latest",
                Map.of("assetIds", id(TURBINE), "measurepoints", POWER.id()), null, true);
        assertEquals(400, missingOrg.body().get("status").asInt(), missingOrg.body().toString());
        SimClient.Answer foreignOrg = client.send("GET", "/tsdb-service/v2.0/latest",
                Map.of("orgId", "o1", "assetIds", id(TURBINE), "measurepoints", POWER.id()), null, true);
        assertEquals(400, foreignOrg.body().get("status").asInt());
        SimClient.Answer unknownAsset = client.get("/tsdb-service/v2.0/latest",
                Map.of("assetIds", "nosuch", "measurepoints", POWER.id()));
        assertEquals(400, unknownAsset.body().get("status").asInt());
        assertTrue(unknownAsset.body().get("msg").asText().contains("nosuch"));
    }

    @Test
    void v20PostTakesTheParametersAsAMultipartForm() {
        String boundary = "----enos" + System.nanoTime();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orgId", enos.simulator().orgId());
        fields.put("assetIds", id(TURBINE));
        fields.put("measurepointsWithLogic", "max(WTG.WindSpeed)");
        fields.put("interval", "30");
        fields.put("startTime", "2024-02-01T00:00:00%2B00:00");
        fields.put("endTime", "2024-02-01T01:00:00%2B00:00");
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        form.append("--").append(boundary).append("--\r\n");
        byte[] bytes = form.toString().getBytes(StandardCharsets.UTF_8);
        String token = client.token();
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(enos.simulator().baseUrl()
                        + "/tsdb-service/v2.0/ai-normalized"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("apim-accesstoken", token).header("apim-timestamp", timestamp)
                .header("apim-signature", Signature.compute(token, Map.of(), bytes, timestamp,
                        enos.simulator().appSecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();

        SimClient.Answer answer = client.execute(request);

        assertEquals(0, answer.body().path("status").asInt(-1), answer.body().toString());
        JsonNode items = answer.data().get("items");
        assertEquals(2, items.size());
        assertTrue(items.get(0).has("max(WTG.WindSpeed)"));
    }

    @Test
    void v20ServesEveryReadPath() {
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        String window = "2024-02-01T00:00:00Z";
        String windowEnd = "2024-02-01T01:00:00Z";
        calls.put("generic", Map.of("assetIds", id(TURBINE), "measurepoints", POWER.id(), "startTime", window,
                "endTime", windowEnd));
        calls.put("di", Map.of("assetIds", id(TURBINE), "measurepoints", STATUS.id(), "startTime", window,
                "endTime", windowEnd));
        calls.put("di/duration", Map.of("assetIds", id(TURBINE), "measurepoints", STATUS.id(), "startTime", window,
                "endTime", windowEnd));
        calls.put("electric-power", Map.of("assetIds", id(TURBINE), "measurepointsWithLogic",
                "sum(WTG.TotalEnergy)", "interval", "60", "startTime", window, "endTime", windowEnd));
        calls.put("electric-power/current-day", Map.of("assetIds", id(TURBINE), "measurepoints", ENERGY.id()));
        calls.put("latest", Map.of("assetIds", id(TURBINE), "measurepoints", POWER.id()));
        calls.put("latest/filter", Map.of("modelId", "EnOS_Wind_Turbine", "assetIds", id(TURBINE),
                "measurepoint", POWER.id(), "operator", "ge", "valueFilter", "-1"));
        calls.forEach((path, query) -> {
            SimClient.Answer answer = client.get("/tsdb-service/v2.0/" + path, query);
            assertEquals(0, answer.body().path("status").asInt(-1), path + ": " + answer.body());
            assertFalse(answer.data().get("items").isEmpty(), path + ": " + answer.body());
        });
    }
}
