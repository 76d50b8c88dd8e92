package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.MeasurementOverlay;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commands sent to devices (set measure point, invoke service) and their life cycle. Instant commands reach online
 * devices at once (state 5, and a set measure point becomes the point's latest value); cached commands
 * ({@code pendingTtl > 0}) wait in state 1 until cancelled or expired.
 */
final class Commands {

    static final int CREATED = 1;
    static final int CANCELED = 2;
    static final int EXPIRED = 3;
    static final int SENT = 5;
    /** Cached (pending) commands a device may hold before 11902. */
    static final int MAX_CACHED_PER_DEVICE = 10;
    static final int MAX_PENDING_TTL = 48 * 60 * 60;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Devices devices;
    private final SimClock clock;
    private final MeasurementOverlay overlay;
    private final Map<String, ObjectNode> byId = new ConcurrentHashMap<>();
    /** Commands per device, oldest first. */
    private final Map<String, List<ObjectNode>> byDevice = new ConcurrentHashMap<>();
    private final AtomicLong seq;

    Commands(Devices devices, SimClock clock, MeasurementOverlay overlay, long seed) {
        this.devices = devices;
        this.clock = clock;
        this.overlay = overlay;
        this.seq = new AtomicLong(2_300_000_000_000_000_000L + Math.floorMod(seed, 1000) * 1_000_000L);
    }

    // POST commands?action=setMeasurepoint&assetId|productKey+deviceKey&measurepointId&pendingTtl&timeout, body {value}
    Object setMeasurepoint(SimRequest request) {
        ObjectNode device = devices.require(request);
        String pointId = request.requireQuery("measurepointId");
        ThingModel model = ThingModels.byId(device.path("modelId").asText());
        if (model == null || model.point(pointId) == null) {
            throw ApiError.invalidArgument("measurepointId", "measure point " + pointId + " is not in model "
                    + device.path("modelId").asText());
        }
        JsonNode value = request.jsonObject().get("value");
        if (value == null || value.isNull()) {
            throw ApiError.missing("value");
        }
        ObjectNode command = send(request, device, 1, pointId, pointId, Json.object().set(pointId, value.deepCopy()));
        if (command.path("state").asInt() == SENT && value.isValueNode()) {
            overlay.write(device.path("assetId").asText(), pointId, command.path("createTime").asLong(), value, 0);
        }
        return Json.object().put("commandId", command.path("commandId").asText());
    }

    // POST commands?action=invokeService&assetId|productKey+deviceKey&serviceId&pendingTtl&timeout, body {inputData}
    Object invokeService(SimRequest request) {
        ObjectNode device = devices.require(request);
        String serviceId = request.requireQuery("serviceId");
        ThingModel model = ThingModels.byId(device.path("modelId").asText());
        if (model == null || !model.services().contains(serviceId)) {
            throw ApiError.invalidArgument("serviceId", "service " + serviceId + " is not in model "
                    + device.path("modelId").asText());
        }
        JsonNode input = request.jsonObject().get("inputData");
        if (input == null || !input.isObject()) {
            throw ApiError.missing("inputData");
        }
        ObjectNode command = send(request, device, 2, serviceId, serviceId, input.deepCopy());
        ObjectNode result = Json.object().put("commandId", command.path("commandId").asText());
        if (command.path("state").asInt() == SENT) {
            ObjectNode output = Json.object().put("result", "accepted").put("serviceId", serviceId);
            command.set("outputData", output);
            result.set("outputData", output.deepCopy());
        }
        return result;
    }

    private ObjectNode send(SimRequest request, ObjectNode device, int type, String tslId, String name, JsonNode input) {
        int timeout = intQuery(request, "timeout", 30, 1, 60);
        int pendingTtl = intQuery(request, "pendingTtl", 0, 0, MAX_PENDING_TTL);
        JsonNode product = devices.products().peek(device.path("productKey").asText());
        if (product != null && "Custom".equalsIgnoreCase(product.path("dataFormat").asText())) {
            throw ApiError.of(11810, "The command cannot be encoded to the custom data format of product "
                    + device.path("productKey").asText() + " (no upstream script in the emulator)");
        }
        String assetId = device.path("assetId").asText();
        String status = device.path("status").asText();
        expire(assetId);
        if (pendingTtl == 0) {
            if (status.equals(Devices.INACTIVE)) {
                throw ApiError.of(11888, "The device is not activated and the instant command cannot be sent");
            }
            if (!status.equals(Devices.ONLINE)) {
                throw ApiError.of(11900, "The device is offline and the instant command cannot be sent");
            }
        } else if (pending(assetId) >= MAX_CACHED_PER_DEVICE) {
            throw ApiError.of(11902, "The number of cached commands reached the upper limit of "
                    + MAX_CACHED_PER_DEVICE);
        }
        long now = clock.nowMillis();
        ObjectNode command = Json.object().put("commandId", Long.toString(seq.incrementAndGet()))
                .put("orgId", device.path("orgId").asText())
                .put("productKey", device.path("productKey").asText())
                .put("deviceKey", device.path("deviceKey").asText())
                .put("assetId", assetId)
                .put("createTime", now)
                .put("createLocaltime", LOCAL.format(Instant.ofEpochMilli(now).atZone(zone(device))))
                .put("commandType", type);
        command.set("commandName", DataSet.i18n(name, name));
        command.put("timeout", timeout).put("pendingTtl", pendingTtl)
                .put("state", pendingTtl == 0 ? SENT : CREATED)
                .put("tslIdentifier", tslId);
        command.set("inputData", input);
        command.putNull("outputData");
        byId.put(command.get("commandId").asText(), command);
        List<ObjectNode> list = byDevice.computeIfAbsent(assetId, k -> new ArrayList<>());
        synchronized (list) {
            list.add(command);
        }
        return command;
    }

    // GET commands?action=get&assetId|productKey+deviceKey&commandId
    Object get(SimRequest request) {
        ObjectNode device = devices.require(request);
        String id = request.requireQuery("commandId");
        expire(device.path("assetId").asText());
        ObjectNode command = byId.get(id);
        if (command == null || !command.path("assetId").asText().equals(device.path("assetId").asText())) {
            throw ApiError.notFound("command " + id + " of this device does not exist");
        }
        return command.deepCopy();
    }

    // POST|GET commands?action=cancel&assetId|productKey+deviceKey[&commandId] -> [cancelled Command structs]
    // (the docs: without commandId every cached command of the device is cancelled)
    Object cancel(SimRequest request) {
        ObjectNode device = devices.require(request);
        String assetId = device.path("assetId").asText();
        String id = request.param("commandId");
        expire(assetId);
        ArrayNode cancelled = Json.array();
        if (id == null || id.isBlank()) {
            List<ObjectNode> list = byDevice.getOrDefault(assetId, List.of());
            List<ObjectNode> pending;
            synchronized (list) {
                pending = list.stream().filter(c -> c.path("state").asInt() == CREATED).toList();
            }
            pending.forEach(c -> cancelled.add(cancelOne(c)));
            return cancelled;
        }
        ObjectNode command = byId.get(id);
        if (command == null || !command.path("assetId").asText().equals(assetId)) {
            throw ApiError.notFound("command " + id + " of this device does not exist");
        }
        return cancelled.add(cancelOne(command));
    }

    private ObjectNode cancelOne(ObjectNode command) {
        synchronized (command) {
            if (command.path("state").asInt() != CREATED) {
                throw ApiError.invalidArgument("commandId", "command " + command.path("commandId").asText()
                        + " is not pending (state " + command.path("state").asInt() + ") and cannot be cancelled");
            }
            command.put("state", CANCELED);
            return command.deepCopy();
        }
    }

    /** The device's commands, newest first (copies). */
    List<ObjectNode> newestFirst(String assetId) {
        expire(assetId);
        List<ObjectNode> list = byDevice.get(assetId);
        List<ObjectNode> result = new ArrayList<>();
        if (list != null) {
            synchronized (list) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    result.add(list.get(i).deepCopy());
                }
            }
        }
        return result;
    }

    private int pending(String assetId) {
        List<ObjectNode> list = byDevice.get(assetId);
        if (list == null) {
            return 0;
        }
        synchronized (list) {
            return (int) list.stream().filter(c -> c.path("state").asInt() == CREATED).count();
        }
    }

    /** Cached commands whose pendingTtl has passed on the emulator's clock become expired (state 3). */
    private void expire(String assetId) {
        List<ObjectNode> list = byDevice.get(assetId);
        if (list == null) {
            return;
        }
        long now = clock.nowMillis();
        synchronized (list) {
            for (ObjectNode c : list) {
                if (c.path("state").asInt() == CREATED
                        && c.path("createTime").asLong() + c.path("pendingTtl").asLong() * 1000 <= now) {
                    c.put("state", EXPIRED);
                }
            }
        }
    }

    private static int intQuery(SimRequest request, String name, int fallback, int min, int max) {
        String text = request.query(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidArgument(name, "not an integer: " + text);
        }
        if (value < min || value > max) {
            throw ApiError.invalidArgument(name, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** A timezone as EnOS writes it: an offset ("+08:00") or an IANA name; throws when it is neither. */
    static ZoneId zoneStrict(String tz) {
        return tz.startsWith("+") || tz.startsWith("-") ? ZoneOffset.of(tz) : ZoneId.of(tz);
    }

    static ZoneId zone(JsonNode device) {
        String tz = device.path("timezone").asText("UTC");
        try {
            return tz.startsWith("+") || tz.startsWith("-") ? ZoneOffset.of(tz) : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
