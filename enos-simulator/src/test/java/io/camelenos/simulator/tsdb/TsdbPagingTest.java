package io.camelenos.simulator.tsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Reading a long range in pages, continuing as docs/tsdb.md says, gives exactly the computed series. */
class TsdbPagingTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(150));

    private static final List<String> POINTS = List.of("WTG.GenActivePW", "WTG.WindSpeed", "WTG.RotorSpeed",
            "WTG.Status");

    /** 50 turbines: devices of the wind blocks 0, 2 and 4 (the first of each block is the farm, the last a meter). */
    private static List<Integer> turbines() {
        List<Integer> result = new ArrayList<>();
        for (int block = 0; result.size() < 50; block += 2) {
            for (int i = block * DataSet.BLOCK + 1; i < block * DataSet.BLOCK + DataSet.BLOCK - 1 && result.size() < 50; i++) {
                result.add(i);
            }
        }
        return result;
    }

    @Test
    void thirtyDaysOfFiftyAssetsReadInPagesEqualTheComputedSeries() {
        enos.simulator().clock().fixAt(Instant.parse("2024-03-01T00:00:00Z"));
        DataSet dataSet = enos.simulator().dataSet();
        List<Integer> assets = turbines();
        List<String> ids = assets.stream().map(dataSet::assetId).toList();
        long start = Instant.parse("2024-01-15T00:00:00Z").toEpochMilli();
        long end = Instant.parse("2024-02-14T00:00:00Z").toEpochMilli();
        int pageSize = 1000;
        SimClient client = new SimClient(enos.simulator());
        Map<String, LongList> times = new HashMap<>();
        Map<String, DoubleList> values = new HashMap<>();
        long from = start;
        int pages = 0;
        while (true) {
            ObjectNode body = Json.object().put("assetIds", String.join(",", ids))
                    .put("pointIds", String.join(",", POINTS))
                    .put("startTime", Instant.ofEpochMilli(from).toString())
                    .put("endTime", Instant.ofEpochMilli(end).toString())
                    .put("pageSize", pageSize).put("itemFormat", 2);
            SimClient.Answer answer = client.post("/tsdb-service/v2.1/raw", Map.of(), body);
            assertEquals(0, answer.code(), () -> answer.body().toString());
            pages++;
            boolean full = false;
            long last = Long.MIN_VALUE;
            for (JsonNode item : answer.data().get("items")) {
                String key = item.get("assetId").asText() + "/" + item.get("pointId").asText();
                JsonNode ts = item.get("timestamp");
                JsonNode vs = item.get("value");
                LongList t = times.computeIfAbsent(key, k -> new LongList());
                DoubleList v = values.computeIfAbsent(key, k -> new DoubleList());
                for (int i = 0; i < ts.size(); i++) {
                    long time = ts.get(i).asLong();
                    assertTrue(t.size == 0 || time > t.last(), () -> "duplicate or disorder in " + key);
                    t.add(time);
                    v.add(vs.get(i).asDouble());
                    last = Math.max(last, time);
                }
                full |= ts.size() == pageSize;
            }
            if (!full) {
                break;
            }
            from = last + 1;
        }
        assertTrue(pages > 5, "expected several pages, got " + pages);

        TimeSeries series = new TimeSeries(dataSet);
        for (int index : assets) {
            for (String pointId : POINTS) {
                PointDef point = ThingModels.WIND_TURBINE.point(pointId);
                String key = dataSet.assetId(index) + "/" + pointId;
                LongList t = times.get(key);
                DoubleList v = values.get(key);
                int n = 0;
                for (long time = TimeSeries.firstSampleAtOrAfter(point, start); time <= end;
                     time += TimeSeries.intervalMillis(point)) {
                    if (series.hasSample(index, point, time)) {
                        if (n >= t.size || t.values[n] != time || v.values[n] != series.value(index, point, time)) {
                            fail("the pages differ from the series of " + key + " at " + Instant.ofEpochMilli(time)
                                    + " (sample " + n + ")");
                        }
                        n++;
                    }
                }
                assertEquals(n, t.size, "extra samples in " + key);
            }
        }

    }

    private static final class LongList {
        long[] values = new long[1024];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long last() {
            return values[size - 1];
        }
    }

    private static final class DoubleList {
        double[] values = new double[1024];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
