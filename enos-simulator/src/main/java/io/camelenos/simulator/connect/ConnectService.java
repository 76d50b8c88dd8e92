package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.MeasurementOverlay;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Connection service (reference 4.4): products, devices, latest measure points, commands, events, gateway
 * topology, device logs, certificates (v2.0), HTTP message integration and its files. Devices are a view over the
 * asset store (every device is an asset); the generated fleet's devices and products are derived on demand.
 */
public final class ConnectService implements SimService {

    static final String BASE = "/connect-service/v2.1/";
    static final String CERTIFICATES = "/connect-service/v2.0/certificates";

    private static final Set<String> PRODUCT_FIELDS = Set.of("productKey", "productName", "productName.*", "modelId",
            "productType", "dataFormat", "productTags.*");
    private static final Set<String> DEVICE_FIELDS = Set.of("productKey", "deviceKey", "assetId", "productType",
            "deviceName", "deviceName.*", "status", "modelId", "deviceAttributes.*", "deviceTags.*");
    private static final Set<String> COMMAND_FIELDS = Set.of("state", "commandName", "commandName.*", "createTime",
            "commandType", "tslIdentifier");
    private static final Set<String> EVENT_FIELDS = Set.of("productKey", "deviceKey", "assetId", "tslEventKey",
            "tslEventType");
    private static final Set<String> LOG_FIELDS = Set.of("productKey", "deviceKey", "assetId");

    private DataSet dataSet;
    private AssetStore assets;
    private SimClock clock;
    private Products products;
    private Devices devices;
    private Topology topology;
    private Commands commands;
    private Activity activity;
    private Certificates certificates;
    private Integration integration;
    private MeasurementOverlay overlay;
    private TimeSeries series;

    @Override
    public void register(Router router, SimContext context) {
        dataSet = context.dataSet();
        assets = dataSet.assets();
        clock = context.clock();
        overlay = context.shared(MeasurementOverlay.class, c -> new MeasurementOverlay());
        series = context.shared(TimeSeries.class, c -> new TimeSeries(c.dataSet()));
        products = new Products(dataSet);
        devices = new Devices(dataSet, products, clock);
        topology = new Topology(dataSet, devices);
        commands = new Commands(devices, clock, overlay, dataSet.seed());
        activity = new Activity(dataSet, devices);
        certificates = new Certificates(devices, clock);
        integration = new Integration(devices, assets, overlay, activity, clock);
        ProductHandlers productHandlers = new ProductHandlers(products, devices, clock);
        DeviceHandlers deviceHandlers = new DeviceHandlers(dataSet, devices, topology, clock);

        router.path(BASE + "products", Envelope.DM)
                .action("create", "POST", productHandlers::create)
                .action("get", "GET", productHandlers::get)
                .action("search", "POST", r -> productHandlers.search(r, PRODUCT_FIELDS))
                .action("update", "POST", productHandlers::update)
                .action("delete", "POST", productHandlers::delete);
        router.path(BASE + "devices", Envelope.DM)
                .action("create", "POST", deviceHandlers::create)
                .action("batchCreate", "POST", deviceHandlers::batchCreate)
                .action("get", "GET", r -> devices.require(r))
                .action("search", "POST", r -> deviceHandlers.search(r, DEVICE_FIELDS))
                .action("update", "POST", deviceHandlers::update)
                .action("delete", "POST", deviceHandlers::delete)
                .action("enable", "POST", r -> deviceHandlers.enable(r, false))
                .action("disable", "POST", r -> deviceHandlers.enable(r, true))
                .action("replaceDevice", "POST", deviceHandlers::replace)
                .action("getStats", "GET", deviceHandlers::stats);
        router.path(BASE + "measurepoints", Envelope.DM)
                .action("queryLatest", "POST", this::queryLatest);
        router.path(BASE + "commands", Envelope.DM)
                .action("setMeasurepoint", "POST", commands::setMeasurepoint)
                .action("invokeService", "POST", commands::invokeService)
                .action("get", "GET", commands::get)
                .action("search", "POST", this::searchCommands)
                .action("cancel", "POST", commands::cancel)
                // the docs say POST; EnOS's Java SDK sends GET, which the gateway accepts
                .action("cancel", "GET", commands::cancel);
        router.path(BASE + "events", Envelope.DM)
                .action("get", "GET", this::getEvent)
                .action("search", "POST", this::searchEvents);
        router.path(BASE + "device-topos", Envelope.DM)
                .action("addSubDevice", "POST", this::addSubDevice)
                .action("removeSubDevice", "POST", this::removeSubDevice)
                .action("getGateway", "POST", this::getGateway)
                .action("searchSubDevice", "POST", this::searchSubDevice);
        router.path(BASE + "device-logs", Envelope.DM)
                .action("search", "POST", this::searchLogs);
        router.path(CERTIFICATES, Envelope.DM)
                .action("apply", "POST", certificates::apply)
                .action("renew", "POST", certificates::renew)
                .action("revoke", "POST", certificates::revoke)
                .action("list", "GET", certificates::list);
        // EnOS's Java SDK: a path per action, with orgId and the device (a Device struct) in the body
        String orgId = context.orgId();
        router.path(CERTIFICATES + "/apply", Envelope.DM).orgRequired(false)
                .action("apply", "POST", r -> certificates.apply(Certificates.bodyOrg(r, orgId)));
        router.path(CERTIFICATES + "/get", Envelope.DM).orgRequired(false)
                .action("get", "POST", r -> certificates.list(Certificates.bodyOrg(r, orgId)));
        router.path(CERTIFICATES + "/revoke", Envelope.DM).orgRequired(false)
                .action("revoke", "POST", r -> certificates.revoke(Certificates.bodyOrg(r, orgId)));
        // the integration SDK sends apim-accesstoken alone (reference 1.A.3)
        router.path(BASE + "integration", Envelope.DM)
                .signatureOptional(true)
                .action("postMeasurepoint", "POST", integration::postMeasurepoint)
                .action("postEvent", "POST", integration::postEvent)
                .action("postAttribute", "POST", integration::postAttribute);
        router.path(BASE + "files", Envelope.DM)
                .signatureOptional(true)
                .action("download", "GET", r -> Reply.bytes(200, "application/octet-stream", integration.download(r)))
                .action("delete", "POST", integration::delete);
    }

    // ---- measure points --------------------------------------------------------------------------------------

    // POST measurepoints?action=queryLatest&assetId|productKey+deviceKey , body {measurepointIds: [...]}
    private Object queryLatest(SimRequest request) {
        ObjectNode device = devices.require(request);
        String assetId = device.path("assetId").asText();
        ThingModel model = ThingModels.byId(device.path("modelId").asText());
        JsonNode wanted = request.jsonObject().get("measurepointIds");
        if (wanted != null && !wanted.isNull() && !wanted.isArray()) {
            throw ApiError.invalidArgument("measurepointIds", "an array of measure point ids is expected");
        }
        ArrayNode result = Json.array();
        int index = dataSet.indexOf(assetId);
        // a device that never connected has no device cache, except what the API wrote for it
        boolean computed = index >= 0 && !devices.baseStatus(assetId).equals(Devices.INACTIVE);
        long now = clock.nowMillis();
        List<String> pointIds = new java.util.ArrayList<>();
        if (wanted != null && wanted.isArray() && !wanted.isEmpty()) {
            wanted.forEach(w -> pointIds.add(w.asText()));
        } else if (model != null) {
            model.points().forEach(p -> pointIds.add(p.id()));
        }
        for (String pointId : pointIds) {
            PointDef point = model == null ? null : model.point(pointId);
            long time = Long.MIN_VALUE;
            JsonNode value = null;
            if (computed && point != null) {
                long t = Math.floorDiv(now, TimeSeries.intervalMillis(point)) * TimeSeries.intervalMillis(point);
                for (int back = 0; back < 100 && !series.hasSample(index, point, t); back++) {
                    t -= TimeSeries.intervalMillis(point);
                }
                time = t;
                value = Json.NODES.numberNode(series.value(index, point, t));
            }
            NavigableMap<Long, MeasurementOverlay.Sample> written = overlay.written(assetId, pointId);
            if (written != null && !written.isEmpty() && written.lastKey() >= time) {
                time = written.lastKey();
                value = written.lastEntry().getValue().value();
            }
            if (value != null) {
                result.add(Json.object().put("id", pointId).put("time", Long.toString(time)).set("value", value));
            }
        }
        return result;
    }

    // ---- commands and events ---------------------------------------------------------------------------------

    // POST commands?action=search&assetId|productKey+deviceKey , body {expression, pagination, projection}
    private Object searchCommands(SimRequest request) {
        ObjectNode device = devices.require(request);
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, 100, 1000, false);
        Predicate<JsonNode> filter = Expression.parse(Json.text(body, "expression"), COMMAND_FIELDS);
        Paging.Collector collector = paging.collector(filter, Projection.from(body));
        commands.newestFirst(device.path("assetId").asText()).forEach(collector);
        return withSortedBy(collector.reply(), "createTime");
    }

    // GET events?action=get&eventId=
    private Object getEvent(SimRequest request) {
        String eventId = request.requireQuery("eventId");
        ObjectNode event = activity.event(eventId);
        if (event == null) {
            throw ApiError.notFound("event " + eventId + " does not exist");
        }
        return event;
    }

    // POST events?action=search , body {productKey, deviceKey, assetId, tslEventKey, tslEventType, startTime, endTime, expression, pagination}
    private Object searchEvents(SimRequest request) {
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, 10, 1000, false);
        ObjectNode device = null;
        String assetId = Json.text(body, "assetId");
        String productKey = Json.text(body, "productKey");
        String deviceKey = Json.text(body, "deviceKey");
        if (assetId != null || deviceKey != null) {
            device = devices.require(assetId, productKey, deviceKey, "", 99404);
        }
        Predicate<JsonNode> filter = Expression.parse(Json.text(body, "expression"), EVENT_FIELDS);
        String productOnly = device == null ? productKey : null;
        String key = Json.text(body, "tslEventKey");
        String type = Json.text(body, "tslEventType");
        filter = filter.and(e -> (productOnly == null || productOnly.equals(e.path("productKey").asText()))
                && (key == null || key.equals(e.path("tslEventKey").asText()))
                && (type == null || type.equalsIgnoreCase(e.path("tslEventType").asText())));
        long[] window = TimeWindow.of(Json.text(body, "startTime"), Json.text(body, "endTime"), device,
                clock.nowMillis(), 7 * Activity.DAY);
        Projection projection = Projection.from(body);
        long[] matched = {0};
        ArrayNode items = Json.array();
        // events arrive light (no local time) and filtered; only those of the page are completed
        activity.events(window[0], window[1], device, filter, e -> {
            long position = matched[0]++;
            if (position >= paging.offset() && position < paging.offset() + paging.pageSize()) {
                items.add(Projection.apply(projection, activity.complete((ObjectNode) e)));
            }
        });
        return withSortedBy(Reply.page(items, paging.toJson(matched[0])), "timestamp");
    }

    // POST device-logs?action=search&startTime=&endTime= , body {expression, pagination, projection}
    private Object searchLogs(SimRequest request) {
        long start = epoch(request, "startTime");
        long end = epoch(request, "endTime");
        if (end < start) {
            throw ApiError.invalidArgument("endTime", "must not be before startTime");
        }
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, 100, 1000, false);
        Predicate<JsonNode> filter = Expression.parse(Json.text(body, "expression"), LOG_FIELDS);
        Paging.Collector collector = paging.collector(r -> true, Projection.from(body));
        activity.logs(start, end, filter, collector);
        return withSortedBy(collector.reply(), "createTime");
    }

    private static long epoch(SimRequest request, String name) {
        String text = request.requireQuery(name);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidArgument(name, "an epoch timestamp in milliseconds is expected, was " + text);
        }
    }

    private static Reply withSortedBy(Reply reply, String field) {
        ArrayNode sortedBy = reply.pagination().putArray("sortedBy");
        sortedBy.addObject().put("field", field).put("order", "DESC");
        return reply;
    }

    // ---- topology --------------------------------------------------------------------------------------------

    // POST device-topos?action=addSubDevice , body {gateway, subDevices: [...]}
    private Object addSubDevice(SimRequest request) {
        JsonNode body = request.jsonObject();
        ObjectNode gateway = topology.requireGateway(body.get("gateway"));
        topology.add(gateway, subDevices(body));
        return null;
    }

    // POST device-topos?action=removeSubDevice , body {gateway, subDevices: [...]}
    private Object removeSubDevice(SimRequest request) {
        JsonNode body = request.jsonObject();
        ObjectNode gateway = topology.requireGateway(body.get("gateway"));
        List<ObjectNode> subs;
        try {
            subs = subDevices(body);
        } catch (ApiError e) {
            throw e.code() == 99400 || e.code() == 99404 ? ApiError.of(11795, "Invalid arguments: " + e.msg()) : e;
        }
        topology.remove(gateway, subs);
        return null;
    }

    private List<ObjectNode> subDevices(JsonNode body) {
        JsonNode list = body.get("subDevices");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiError.missing("subDevices");
        }
        List<ObjectNode> result = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            result.add(devices.require(list.get(i), "subDevices[" + i + "]"));
        }
        return result;
    }

    // POST device-topos?action=getGateway , body {subDevice}
    private Object getGateway(SimRequest request) {
        ObjectNode sub = devices.require(request.jsonObject().get("subDevice"), "subDevice");
        String gatewayId = topology.gatewayOf(sub.path("assetId").asText());
        return gatewayId == null ? null : devices.byAssetId(gatewayId);
    }

    // POST device-topos?action=searchSubDevice , body {gateway, pagination, projection}
    private Object searchSubDevice(SimRequest request) {
        JsonNode body = request.jsonObject();
        ObjectNode gateway = topology.requireGateway(body.get("gateway"));
        Paging paging = Paging.from(body, 10, 200, false);
        Paging.Collector collector = paging.collector(r -> true, Projection.from(body));
        for (String id : topology.subDevicesOf(gateway.path("assetId").asText())) {
            ObjectNode device = devices.byAssetId(id);
            if (device != null) {
                collector.accept(device);
            }
        }
        return collector.reply();
    }
}
