package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What devices did, computed from (seed, device, day) with no storage: thing-model events (about one day in ten per
 * device whose model has events) and connection log entries (a login and a connection loss about one day in five,
 * now and then a failed login). Events posted through the integration API are kept beside them.
 */
final class Activity {

    static final long DAY = 86_400_000L;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DataSet dataSet;
    private final Devices devices;
    private final List<ObjectNode> posted = new ArrayList<>();

    Activity(DataSet dataSet, Devices devices) {
        this.dataSet = dataSet;
        this.devices = devices;
    }

    // ---- events ----------------------------------------------------------------------------------------------

    /** The generated event of a device on a day, or null when it had none (full: with the device's local time). */
    ObjectNode generatedEvent(int index, long day) {
        ObjectNode light = lightEvent(index, day);
        return light == null ? null : complete(light);
    }

    /**
     * The generated event without its local time (which needs the device's asset): what fleet-wide scans sort and
     * filter; {@link #complete} adds the rest for the events a page shows.
     */
    ObjectNode lightEvent(int index, long day) {
        ThingModel model = dataSet.modelOf(index);
        if (model.events().isEmpty() || dataSet.pick(index * 977L + day, 51, 10) != 0) {
            return null;
        }
        ObjectNode device = devices.light(index);
        if (device == null) {
            return null;
        }
        long time = day * DAY + dataSet.pick(index * 131L + day, 52, 86_400) * 1000L;
        ObjectNode output = Json.object();
        if (model == ThingModels.WIND_TURBINE) {
            output.put("temperature", 80 + dataSet.pick(index + day, 53, 30));
        } else {
            output.put("gridVoltage", 180 + dataSet.pick(index + day, 54, 40));
        }
        return Json.object().put("eventId", "ev" + device.path("assetId").asText() + "d" + day)
                .put("orgId", dataSet.orgId())
                .put("productKey", device.path("productKey").asText())
                .put("deviceKey", device.path("deviceKey").asText())
                .put("assetId", device.path("assetId").asText())
                .put("tslEventKey", model.events().get(0)).put("tslEventType", "WARN").put("output", output.toString())
                .put("timestamp", time);
    }

    /** A light event with its local time (in the device's timezone); posted events are complete already. */
    ObjectNode complete(ObjectNode event) {
        if (event.has("localtime")) {
            return event;
        }
        ObjectNode device = devices.byAssetId(event.path("assetId").asText());
        long time = event.path("timestamp").asLong();
        return event.put("localtime", LOCAL.format(Instant.ofEpochMilli(time)
                .atZone(device == null ? java.time.ZoneOffset.UTC : Commands.zone(device))));
    }

    ObjectNode event(String eventId, JsonNode device, String key, String type, String output, long time) {
        return Json.object().put("eventId", eventId).put("orgId", dataSet.orgId())
                .put("productKey", device.path("productKey").asText())
                .put("deviceKey", device.path("deviceKey").asText())
                .put("assetId", device.path("assetId").asText())
                .put("tslEventKey", key).put("tslEventType", type).put("output", output)
                .put("timestamp", time)
                .put("localtime", LOCAL.format(Instant.ofEpochMilli(time).atZone(Commands.zone(device))));
    }

    void post(ObjectNode event) {
        synchronized (posted) {
            posted.add(event);
        }
    }

    /** An event by id: a generated one ("ev" + assetId + "d" + day) or a posted one; null when unknown. */
    ObjectNode event(String eventId) {
        synchronized (posted) {
            for (ObjectNode e : posted) {
                if (e.path("eventId").asText().equals(eventId)) {
                    return e.deepCopy();
                }
            }
        }
        int d = eventId.lastIndexOf('d');
        if (!eventId.startsWith("ev") || d < 3) {
            return null;
        }
        int index = dataSet.indexOf(eventId.substring(2, d));
        long day;
        try {
            day = Long.parseLong(eventId.substring(d + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        return index < 0 ? null : generatedEvent(index, day);
    }

    /**
     * Visits the events with timestamps in [from, to], newest first. One day's events are sorted in memory at a
     * time, so memory stays at one day of the fleet's events. {@code only} limits the scan to one device.
     */
    void events(long from, long to, JsonNode only, Predicate<JsonNode> filter, Consumer<JsonNode> visitor) {
        List<ObjectNode> extra = new ArrayList<>();
        synchronized (posted) {
            for (ObjectNode e : posted) {
                long t = e.path("timestamp").asLong();
                if (t >= from && t <= to && filter.test(e)
                        && (only == null || only.path("assetId").asText().equals(e.path("assetId").asText()))) {
                    extra.add(e);
                }
            }
        }
        scanDays(from, to, only, filter, extra, visitor, this::lightEvent);
    }

    // ---- device logs -----------------------------------------------------------------------------------------

    /** A device's connection log entries of a day (none, or a login and a connection loss, or a failed login). */
    List<ObjectNode> logsOf(int index, long day) {
        if (dataSet.pick(index * 7919L + day, 61, 5) != 0) {
            return List.of();
        }
        ObjectNode device = devices.light(index);
        if (device == null || devices.baseStatus(device.path("assetId").asText()).equals(Devices.INACTIVE)) {
            return List.of();
        }
        long login = day * DAY + dataSet.pick(index * 17L + day, 62, 80_000) * 1000L;
        if (dataSet.pick(index + day, 63, 10) == 0) {
            return List.of(log(device, login, 742, "device login failed", "sign check failed"));
        }
        long lost = login + (1 + dataSet.pick(index + day, 64, 360)) * 60_000L;
        return List.of(log(device, lost, 200, "connection lost", "device closed connection"),
                log(device, login, 200, "device login succeeded", "device connected"));
    }

    private ObjectNode log(JsonNode device, long time, int code, String content, String reason) {
        return Json.object().put("orgId", dataSet.orgId())
                .put("productKey", device.path("productKey").asText())
                .put("deviceKey", device.path("deviceKey").asText())
                .put("assetId", device.path("assetId").asText())
                .put("createTime", time).put("code", code).put("content", content).put("reason", reason);
    }

    void logs(long from, long to, Predicate<JsonNode> filter, Consumer<JsonNode> visitor) {
        scanDays(from, to, null, filter, List.of(), visitor, (index, day) -> {
            List<ObjectNode> list = logsOf(index, day);
            return list.isEmpty() ? null : list;
        });
    }

    // ---- scanning --------------------------------------------------------------------------------------------

    private interface PerDay {
        Object of(int index, long day);
    }

    private void scanDays(long from, long to, JsonNode only, Predicate<JsonNode> filter, List<ObjectNode> extra,
                          Consumer<JsonNode> visitor, PerDay perDay) {
        Comparator<JsonNode> newestFirst = Comparator.comparingLong((JsonNode n) ->
                n.has("timestamp") ? n.path("timestamp").asLong() : n.path("createTime").asLong()).reversed();
        long firstDay = Math.floorDiv(Math.max(from, DataSet.EPOCH_MILLIS), DAY);
        long lastDay = Math.floorDiv(to, DAY);
        int onlyIndex = only == null ? -2 : dataSet.indexOf(only.path("assetId").asText());
        List<JsonNode> day = new ArrayList<>();
        for (long d = lastDay; d >= firstDay; d--) {
            day.clear();
            if (only == null) {
                for (int i = 1; i < dataSet.baseAssetCount(); i++) {
                    if (!DataSet.isSite(i)) {
                        collect(perDay.of(i, d), from, to, filter, day);
                    }
                }
            } else if (onlyIndex >= 0) {
                collect(perDay.of(onlyIndex, d), from, to, filter, day);
            }
            long dayStart = d * DAY;
            for (ObjectNode e : extra) {
                long t = e.path("timestamp").asLong();
                if (t >= dayStart && t < dayStart + DAY) {
                    day.add(e.deepCopy());
                }
            }
            day.sort(newestFirst);
            day.forEach(visitor);
        }
        if (!extra.isEmpty()) {
            // posted events dated before the fleet's epoch (the day loop starts there)
            for (ObjectNode e : extra) {
                if (Math.floorDiv(e.path("timestamp").asLong(), DAY) < firstDay) {
                    visitor.accept(e.deepCopy());
                }
            }
        }
    }

    private static void collect(Object found, long from, long to, Predicate<JsonNode> filter, List<JsonNode> into) {
        if (found == null) {
            return;
        }
        List<?> items = found instanceof List<?> list ? list : List.of(found);
        for (Object o : items) {
            JsonNode n = (JsonNode) o;
            long t = n.has("timestamp") ? n.path("timestamp").asLong() : n.path("createTime").asLong();
            if (t >= from && t <= to && filter.test(n)) {
                into.add(n);
            }
        }
    }
}
