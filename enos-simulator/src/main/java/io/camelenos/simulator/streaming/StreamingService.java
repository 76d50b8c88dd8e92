package io.camelenos.simulator.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.http.OptionalBearer;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.CommaSeparated;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stream processing service ({@code streaming/v2.0}): the intermediate state of a pipeline's stateful stages for
 * the data set's assets and points (values from {@link TimeSeries} at the latest sample before now), its deletion,
 * and the pipelines themselves (list, details, start/stop/pause/release/save, Kafka offset and lag). DM envelope;
 * errors 61102 (bad parameter), 61105 (too many points), 61106 (unknown pipeline), 61107 (stage keeps no state),
 * 61199 (anything else, e.g. deleting the state of a pipeline that is not paused).
 */
public final class StreamingService implements SimService {

    static final String BASE = "/streaming/v2.0";
    /** The documented limit on the points of one stage-state call (assets × points). */
    static final int MAX_POINTS = 100_000;
    private static final long MESSAGES_PER_SECOND = 20;

    private SimContext context;
    private TimeSeries series;
    private final Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    /** pipeline|stage|asset|point → when its state was deleted. */
    private final Map<String, Long> deleted = new ConcurrentHashMap<>();

    @Override
    public void register(Router router, SimContext context) {
        this.context = context;
        this.series = new TimeSeries(context.dataSet());
        long created = DataSet.EPOCH_MILLIS;
        pipelines.put("pl-wind-power", new Pipeline("pl-wind-power", "Wind power aggregation", Pipeline.Status.RUNNING, created)
                .stage("Source_1", "KafkaSource").stage("PointSelector_1", "PointSelector")
                .stage("Window_1", "TumblingWindow").stage("Sink_1", "KafkaSink"));
        pipelines.put("pl-latest-values", new Pipeline("pl-latest-values", "Latest values", Pipeline.Status.PAUSED, created)
                .stage("Source_1", "KafkaSource").stage("Latest_1", "LatestValue").stage("Sink_1", "KafkaSink"));
        router.path(BASE + "/stage-state", Envelope.DM)
                .action("get", "POST", OptionalBearer.check(this::getState))
                .action("delete", "POST", OptionalBearer.check(this::deleteState));
        router.path(BASE + "/streaming/pipelines", Envelope.DM).method("GET", OptionalBearer.check(this::list));
        router.path(BASE + "/streaming/pipeline/{pipelineId}", Envelope.DM)
                .method("GET", OptionalBearer.check(this::details))
                .action("start", "POST", OptionalBearer.check(r -> operate(r, "start")))
                .action("stop", "POST", OptionalBearer.check(r -> operate(r, "stop")))
                .action("pause", "POST", OptionalBearer.check(r -> operate(r, "pause")))
                .action("release", "POST", OptionalBearer.check(r -> operate(r, "release")))
                .action("save", "POST", OptionalBearer.check(r -> operate(r, "save")));
        router.path(BASE + "/streaming/pipeline/{pipelineId}/offset-lag", Envelope.DM).method("GET", OptionalBearer.check(this::offsetLag));
        router.path(BASE + "/streaming/pipeline/{pipelineId}/offset", Envelope.DM).method("POST", OptionalBearer.check(this::resetOffset));
    }

    // ---- stage state ----------------------------------------------------------------------------------------

    private record StateQuery(Pipeline pipeline, String stage, List<String> assetIds, List<String> pointIds) {
    }

    // POST /streaming/v2.0/stage-state?action=get {pipelineId, stageInstanceName, assetIds, pointIds}
    private Object getState(SimRequest request) {
        StateQuery q = stateQuery(request);
        long now = context.clock().nowMillis();
        ArrayNode items = Json.array();
        for (String assetId : q.assetIds()) {
            ObjectNode asset = context.dataSet().assets().get(assetId).orElse(null);
            int index = context.dataSet().indexOf(assetId);
            if (asset == null || index < 0) {
                continue;
            }
            ThingModel model = context.dataSet().modelOf(index);
            for (String pointId : q.pointIds()) {
                PointDef point = model.point(pointId);
                if (point == null) {
                    continue;
                }
                long time = latestSample(index, point, now);
                Long deletedAt = deleted.get(key(q, assetId, pointId));
                if (time < 0 || (deletedAt != null && time <= deletedAt)) {
                    continue;
                }
                ObjectNode item = items.addObject().put("modelId", model.modelId()).put("modelIdPath", model.modelIdPath());
                ObjectNode attr = item.putObject("attr");
                if (q.pipeline().stages.get(q.stage()).equals("TumblingWindow")) {
                    attr.put("windowStart", time - time % 600_000L).put("windowSize", 600_000L);
                }
                item.put("assetId", assetId).put("pointId", pointId).put("time", time)
                        .put("value", series.value(index, point, time)).put("quality", series.quality(index, point, time))
                        .put("dq", 0);
            }
        }
        return Json.object().set("items", items);
    }

    // POST /streaming/v2.0/stage-state?action=delete {pipelineId, stageInstanceName, assetIds, pointIds}
    private Object deleteState(SimRequest request) {
        StateQuery q = stateQuery(request);
        if (q.pipeline().status != Pipeline.Status.PAUSED) {
            throw ApiError.of(61199, "The pipeline must be paused before its stage state is deleted, it is "
                    + q.pipeline().status);
        }
        long now = context.clock().nowMillis();
        for (String assetId : q.assetIds()) {
            for (String pointId : q.pointIds()) {
                deleted.put(key(q, assetId, pointId), now);
            }
        }
        return true;
    }

    private StateQuery stateQuery(SimRequest request) {
        JsonNode body = request.jsonObject();
        String pipelineId = required(body, "pipelineId");
        String stage = required(body, "stageInstanceName");
        List<String> assets = CommaSeparated.list(required(body, "assetIds"));
        List<String> points = CommaSeparated.list(required(body, "pointIds"));
        if (points.size() > MAX_POINTS || (long) assets.size() * points.size() > MAX_POINTS) {
            throw ApiError.of(61105, "Too many points");
        }
        Pipeline pipeline = pipeline(pipelineId);
        String type = pipeline.stages.get(stage);
        if (type == null) {
            throw ApiError.of(61102, "Invalid param stageInstanceName: " + stage + " is not a stage of " + pipelineId);
        }
        if (!Pipeline.STATEFUL.contains(type)) {
            throw ApiError.of(61107, "Not supported Stage Type: " + type);
        }
        return new StateQuery(pipeline, stage, assets, points);
    }

    /** The latest sample time at or before now (stepping back over the rare gaps), or -1. */
    private long latestSample(int index, PointDef point, long now) {
        long interval = TimeSeries.intervalMillis(point);
        long t = Math.floorDiv(now, interval) * interval;
        for (int i = 0; i < 10; i++, t -= interval) {
            if (series.hasSample(index, point, t)) {
                return t;
            }
        }
        return -1;
    }

    private static String key(StateQuery q, String assetId, String pointId) {
        return q.pipeline().id + "|" + q.stage() + "|" + assetId + "|" + pointId;
    }

    // ---- pipelines -------------------------------------------------------------------------------------------

    // GET /streaming/v2.0/streaming/pipelines?pageNo=&pageSize=&isSystem=&ifReleased=
    private synchronized Object list(SimRequest request) {
        int pageNo = intQuery(request, "pageNo", 1);
        int pageSize = intQuery(request, "pageSize", 10);
        if (pageNo < 1 || pageSize < 1) {
            throw ApiError.of(61102, "Invalid param pageNo/pageSize");
        }
        boolean released = "true".equalsIgnoreCase(request.query("ifReleased"));
        List<Pipeline> all = new ArrayList<>(pipelines.values().stream().filter(p -> !released || p.released).toList());
        ArrayNode items = Json.array();
        long from = (long) (pageNo - 1) * pageSize;
        for (long i = from; i < Math.min(all.size(), from + pageSize); i++) {
            items.add(summary(all.get((int) i)));
        }
        ObjectNode pagination = Json.object().put("pageNo", pageNo).put("pageSize", pageSize).put("totalSize", all.size());
        pagination.putNull("sortedBy");
        return Reply.page(items, pagination);
    }

    // GET /streaming/v2.0/streaming/pipeline/{pipelineId}?ifReleased=
    private synchronized Object details(SimRequest request) {
        Pipeline p = pipeline(request.pathParam("pipelineId"));
        ObjectNode node = summary(p).put("pipelineJson", p.pipelineJson).put("templateName", p.templateName)
                .put("messageChannel", p.messageChannel);
        ArrayNode stages = node.putArray("stages");
        p.stages.forEach((name, type) -> stages.addObject().put("stageInstanceName", name).put("stageType", type)
                .put("stateful", Pipeline.STATEFUL.contains(type)));
        return node;
    }

    // POST /streaming/v2.0/streaming/pipeline/{pipelineId}?action=start|stop|pause|release|save
    private synchronized Object operate(SimRequest request, String action) {
        Pipeline p = pipeline(request.pathParam("pipelineId"));
        switch (action) {
            case "start" -> p.status = Pipeline.Status.RUNNING;
            case "stop" -> p.status = Pipeline.Status.STOPPED;
            case "pause" -> {
                if (p.status != Pipeline.Status.RUNNING) {
                    throw ApiError.of(61199, "Only a running pipeline can be paused, it is " + p.status);
                }
                p.status = Pipeline.Status.PAUSED;
            }
            case "release" -> {
                p.released = true;
                p.version++;
            }
            default -> save(p, request.jsonObject());
        }
        return true;
    }

    private static void save(Pipeline p, JsonNode body) {
        String name = Json.text(body, "name");
        String json = Json.text(body, "pipelineJson");
        if (name == null || name.isBlank() || json == null) {
            throw ApiError.of(61102, "Missing param " + (name == null || name.isBlank() ? "name" : "pipelineJson"));
        }
        p.name = name;
        p.pipelineJson = json;
        p.templateName = body.path("templateName").asText(p.templateName);
        p.templateType = body.path("templateType").asInt(p.templateType);
        p.messageChannel = body.path("messageChannel").asInt(p.messageChannel);
        p.released = false;
    }

    // GET /streaming/v2.0/streaming/pipeline/{pipelineId}/offset-lag
    private synchronized Object offsetLag(SimRequest request) {
        Pipeline p = pipeline(request.pathParam("pipelineId"));
        long now = context.clock().nowMillis();
        long produced = Math.max(0, now - p.createdMillis) / 1000 * MESSAGES_PER_SECOND;
        long lag = p.status == Pipeline.Status.RUNNING ? 0 : Math.max(0, now - Math.max(p.offsetResetMillis, now - 3_600_000L)) / 1000 * MESSAGES_PER_SECOND;
        ObjectNode node = Json.object().put("pipelineId", p.id).put("topic", "enos_" + context.orgId() + "_measurepoints");
        ArrayNode partitions = node.putArray("partitions");
        for (int partition = 0; partition < 3; partition++) {
            partitions.addObject().put("partition", partition).put("offset", produced / 3 - lag / 3).put("lag", lag / 3);
        }
        return node.put("totalLag", lag / 3 * 3);
    }

    // POST /streaming/v2.0/streaming/pipeline/{pipelineId}/offset
    private synchronized Object resetOffset(SimRequest request) {
        pipeline(request.pathParam("pipelineId")).offsetResetMillis = context.clock().nowMillis();
        return true;
    }

    private ObjectNode summary(Pipeline p) {
        return Json.object().put("pipelineId", p.id).put("pipelineName", p.name).put("status", p.status.name())
                .put("version", p.version).put("released", p.released).put("templateType", p.templateType)
                .put("orgId", context.orgId());
    }

    private Pipeline pipeline(String id) {
        Pipeline p = id == null ? null : pipelines.get(id);
        if (p == null) {
            throw ApiError.of(61106, "Wrong pipelineId or OU has no privilege");
        }
        return p;
    }

    private static String required(JsonNode body, String field) {
        String value = Json.text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiError.of(61102, "Missing param " + field);
        }
        return value;
    }

    private static int intQuery(SimRequest request, String name, int fallback) {
        String value = request.query(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.matches("-?\\d{1,9}")) {
            throw ApiError.of(61102, "Invalid param " + name);
        }
        return Integer.parseInt(value);
    }
}
