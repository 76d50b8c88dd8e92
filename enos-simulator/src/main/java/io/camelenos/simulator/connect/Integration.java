package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.MeasurementOverlay;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP message integration: {@code integration?action=postMeasurepoint|postEvent|postAttribute} with a
 * multipart body whose {@code enos-message} part holds {@code {id, version, method, params:[...], files}} and
 * whose {@code enos-file} parts hold files. Measure points go to the shared {@link MeasurementOverlay} (so
 * queryLatest and the TSDB service see them), events to the device events, attributes to the asset; files are kept
 * for {@code files?action=download|delete}.
 */
final class Integration {

    private final Devices devices;
    private final AssetStore assets;
    private final MeasurementOverlay overlay;
    private final Activity activity;
    private final SimClock clock;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicLong eventSeq = new AtomicLong();

    Integration(Devices devices, AssetStore assets, MeasurementOverlay overlay, Activity activity, SimClock clock) {
        this.devices = devices;
        this.assets = assets;
        this.overlay = overlay;
        this.activity = activity;
        this.clock = clock;
    }

    /** One item of params with the asset it names. */
    private record Item(ObjectNode asset, JsonNode params) {
    }

    Object postMeasurepoint(SimRequest request) {
        Message message = message(request, "measurepoints");
        for (Item item : message.items) {
            String assetId = item.asset.path("assetId").asText();
            long time = item.params.path("time").asLong();
            Iterator<Map.Entry<String, JsonNode>> points = item.params.get("measurepoints").fields();
            while (points.hasNext()) {
                Map.Entry<String, JsonNode> p = points.next();
                JsonNode value = fileValue(message, assetId, p.getValue());
                overlay.write(assetId, p.getKey(), time, value, 0);
            }
            devices.reported(assetId, "measurepointLastUpdate", time);
        }
        return Json.object();
    }

    Object postEvent(SimRequest request) {
        Message message = message(request, "events");
        for (Item item : message.items) {
            String assetId = item.asset.path("assetId").asText();
            long time = item.params.path("time").asLong();
            ObjectNode device = devices.byAssetId(assetId);
            JsonNode source = device != null ? device : item.asset;
            Iterator<Map.Entry<String, JsonNode>> events = item.params.get("events").fields();
            while (events.hasNext()) {
                Map.Entry<String, JsonNode> e = events.next();
                ObjectNode output = e.getValue().isObject() ? ((ObjectNode) e.getValue()).deepCopy() : Json.object();
                output.fields().forEachRemaining(f -> f.setValue(fileValue(message, assetId, f.getValue())));
                activity.post(activity.event("in" + clock.nowMillis() + "n" + eventSeq.incrementAndGet(), source,
                        e.getKey(), "INFO", output.toString(), time));
            }
            devices.reported(assetId, "eventLastUpdate", time);
        }
        return Json.object();
    }

    Object postAttribute(SimRequest request) {
        Message message = message(request, "attributes");
        for (Item item : message.items) {
            ObjectNode asset = item.asset;
            String assetId = asset.path("assetId").asText();
            ObjectNode attributes = asset.has("attributes") ? (ObjectNode) asset.get("attributes") : asset.putObject("attributes");
            item.params.get("attributes").fields()
                    .forEachRemaining(a -> attributes.set(a.getKey(), fileValue(message, assetId, a.getValue())));
            assets.put(asset);
            devices.reported(assetId, "attributeLastUpdate", clock.nowMillis());
        }
        return Json.object();
    }

    // GET files?action=download&fileUri=&assetId=&category=
    byte[] download(SimRequest request) {
        String uri = request.requireQuery("fileUri");
        byte[] content = files.get(uri);
        if (content == null) {
            throw ApiError.notFound("file " + uri + " does not exist");
        }
        return content;
    }

    // POST files?action=delete&fileUri=&assetId=
    Object delete(SimRequest request) {
        String uri = request.requireParam("fileUri");
        if (files.remove(uri) == null) {
            throw ApiError.notFound("file " + uri + " does not exist");
        }
        return null;
    }

    /** A {@code local://name} value names an uploaded file: it becomes the file's URI. */
    private JsonNode fileValue(Message message, String assetId, JsonNode value) {
        if (value.isTextual() && value.asText().startsWith("local://")) {
            String name = value.asText().substring("local://".length());
            byte[] content = message.files.get(name);
            if (content != null) {
                String uri = "enos-connect://" + assetId + "/" + clock.nowMillis() + "/" + name;
                files.put(uri, content);
                return Json.NODES.textNode(uri);
            }
        }
        return value;
    }

    private static final class Message {
        final List<Item> items = new ArrayList<>();
        final Map<String, byte[]> files = new HashMap<>();
    }

    private Message message(SimRequest request, String field) {
        Message message = new Message();
        JsonNode json = parse(request, message);
        JsonNode params = json.get("params");
        if (params == null || !params.isArray() || params.isEmpty()) {
            throw ApiError.missing("params");
        }
        for (int i = 0; i < params.size(); i++) {
            JsonNode p = params.get(i);
            String prefix = "params[" + i + "].";
            ObjectNode asset = asset(p, prefix);
            JsonNode values = p.get(field);
            if (values == null || !values.isObject()) {
                throw ApiError.missing(prefix + field);
            }
            if (!field.equals("attributes") && !p.path("time").canConvertToLong()) {
                throw ApiError.missing(prefix + "time");
            }
            message.items.add(new Item(asset, p));
        }
        return message;
    }

    private ObjectNode asset(JsonNode p, String prefix) {
        String assetId = Json.text(p, "assetId");
        if (assetId != null && !assetId.isBlank()) {
            return assets.get(assetId).orElseThrow(() -> ApiError.notFound("asset " + assetId + " does not exist"));
        }
        ObjectNode device = devices.require(null, Json.text(p, "productKey"), Json.text(p, "deviceKey"),
                prefix, 99404);
        return assets.get(device.path("assetId").asText()).orElseThrow();
    }

    /** The enos-message (multipart part, or the whole body when it is plain JSON) and the enos-file parts. */
    private JsonNode parse(SimRequest request, Message message) {
        String contentType = request.header("content-type");
        String text;
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            text = parts(contentType, request.rawBody(), message);
            if (text == null) {
                throw ApiError.missing("enos-message");
            }
        } else {
            return request.jsonObject();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiError.invalidArgument("enos-message", "a JSON object is expected");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.invalidArgument("enos-message", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Splits a multipart body: returns the enos-message text and keeps the files (by file name) as bytes. */
    private static String parts(String contentType, byte[] body, Message message) {
        int at = contentType.indexOf("boundary=");
        if (at < 0) {
            throw ApiError.invalidArgument("body", "multipart body without boundary");
        }
        String boundaryText = contentType.substring(at + 9).split(";")[0].replace("\"", "").trim();
        byte[] boundary = ("--" + boundaryText).getBytes(StandardCharsets.ISO_8859_1);
        String enosMessage = null;
        int pos = indexOf(body, boundary, 0);
        while (pos >= 0) {
            int start = pos + boundary.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, boundary, start);
            if (next < 0) {
                break;
            }
            byte[] part = Arrays.copyOfRange(body, start, next);
            int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (headerEnd >= 0) {
                String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
                int contentEnd = part.length;
                if (contentEnd >= 2 && part[contentEnd - 2] == '\r' && part[contentEnd - 1] == '\n') {
                    contentEnd -= 2;
                }
                byte[] content = Arrays.copyOfRange(part, headerEnd + 4, Math.max(headerEnd + 4, contentEnd));
                String name = attribute(headers, "name");
                String fileName = attribute(headers, "filename");
                if ("enos-message".equals(name)) {
                    enosMessage = new String(content, StandardCharsets.UTF_8);
                } else if (fileName != null) {
                    message.files.put(fileName, content);
                }
            }
            pos = next;
        }
        return enosMessage;
    }

    private static String attribute(String headers, String name) {
        int at = headers.indexOf("; " + name + "=\"");
        if (at < 0) {
            at = headers.indexOf(";" + name + "=\"");
            if (at < 0) {
                return null;
            }
            at += 1;
        } else {
            at += 2;
        }
        int from = at + name.length() + 2;
        int to = headers.indexOf('"', from);
        return to < 0 ? null : headers.substring(from, to);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
