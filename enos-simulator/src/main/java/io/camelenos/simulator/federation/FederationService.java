package io.camelenos.simulator.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.OptionalBearer;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.text.SimpleDateFormat;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Data Federation service ({@code data-federation/v2.0}, REST paths): channels; SQL over the data set through the
 * read channel (a real H2 engine, see {@link FederationDb}), its jobs, file downloads that complete as they are
 * polled or as the clock moves; messages, files and file chunks through the write channels. DM envelope; the
 * documents list no service error codes, so bad input is 99400 and unknown channels, jobs and tasks 99404.
 */
public final class FederationService implements SimService {

    static final String BASE = "/data-federation/v2.0/channels";
    static final String READ_CHANNEL = "ch-read-enos";
    static final int MAX_JOBS = 100;
    /** A download finishes after this many status polls, or this much emulator time. */
    static final int DOWNLOAD_POLLS = 2;
    static final long DOWNLOAD_MILLIS = 3_000;

    private SimContext context;
    private FederationDb db;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Deque<ObjectNode> jobs = new ArrayDeque<>();
    private final Map<String, Download> downloads = new ConcurrentHashMap<>();
    private final Map<String, long[]> chunkFiles = new ConcurrentHashMap<>();
    private final AtomicLong taskSeq = new AtomicLong();

    private static final class Channel {
        final String id;
        final String type;
        final String sourceName;
        final String sourceType;
        volatile boolean running = true;

        Channel(String id, String type, String sourceName, String sourceType) {
            this.id = id;
            this.type = type;
            this.sourceName = sourceName;
            this.sourceType = sourceType;
        }
    }

    private static final class Download {
        final String taskId;
        final String taskName;
        final String channelId;
        final String sql;
        final String filePackageName;
        final long createdMillis;
        int polls;
        boolean canceled;

        Download(String taskId, String taskName, String channelId, String sql, String filePackageName, long created) {
            this.taskId = taskId;
            this.taskName = taskName;
            this.channelId = channelId;
            this.sql = sql;
            this.filePackageName = filePackageName;
            this.createdMillis = created;
        }
    }

    @Override
    public void register(Router router, SimContext context) {
        this.context = context;
        this.db = new FederationDb(context);
        channels.put(READ_CHANNEL, new Channel(READ_CHANNEL, "READ", "enos_data", "H2"));
        channels.put("ch-write-mysql", new Channel("ch-write-mysql", "WRITE", "mysql_remote", "MYSQL"));
        channels.put("ch-write-hdfs", new Channel("ch-write-hdfs", "WRITE", "hdfs_remote", "HDFS"));
        router.path(BASE, Envelope.DM).method("GET", OptionalBearer.check(this::list));
        router.path(BASE + "/{channelId}", Envelope.DM)
                .action("start", "POST", OptionalBearer.check(r -> operate(r, true)))
                .action("stop", "POST", OptionalBearer.check(r -> operate(r, false)));
        router.path(BASE + "/read/{channelId}", Envelope.DM).method("POST", OptionalBearer.check(this::read));
        router.path(BASE + "/read/{channelId}/jobs", Envelope.DM).method("GET", OptionalBearer.check(this::listJobs));
        router.path(BASE + "/read/{channelId}/jobs/{jobId}", Envelope.DM).method("GET", OptionalBearer.check(this::job));
        router.path(BASE + "/read/{channelId}/download-request", Envelope.DM).method("POST", OptionalBearer.check(this::requestDownload));
        router.path(BASE + "/read/{channelId}/download/{taskId}/status", Envelope.DM).method("GET", OptionalBearer.check(this::downloadStatus));
        router.path(BASE + "/read/{channelId}/download/{taskId}", Envelope.DM).method("DELETE", OptionalBearer.check(this::cancelDownload));
        router.path(BASE + "/write/{channelId}/msg", Envelope.DM).method("POST", OptionalBearer.check(this::writeMessage));
        router.path(BASE + "/write/{channelId}/file", Envelope.DM).method("POST", OptionalBearer.check(this::writeFile));
        router.path(BASE + "/write/{channelId}/chunk-file", Envelope.DM).method("POST", OptionalBearer.check(this::writeChunk));
    }

    // ---- channels -------------------------------------------------------------------------------------------

    // GET /data-federation/v2.0/channels?channelType=READ|WRITE
    private Object list(SimRequest request) {
        String type = request.query("channelType");
        if (type != null && !type.isBlank() && !type.equalsIgnoreCase("READ") && !type.equalsIgnoreCase("WRITE")) {
            throw ApiError.invalidArgument("channelType", "must be READ or WRITE, was " + type);
        }
        ArrayNode list = Json.array();
        for (Channel c : channels.values()) {
            if (type == null || type.isBlank() || c.type.equalsIgnoreCase(type)) {
                ObjectNode node = list.addObject().put("channelId", c.id).put("channelType", c.type)
                        .put("status", c.running ? "RUNNING" : "STOPPED");
                node.putArray("dataSourceInfo").addObject().put("dataSourceName", c.sourceName)
                        .put("dataSourceType", c.sourceType);
            }
        }
        return list;
    }

    // POST /data-federation/v2.0/channels/{channelId}?action=start|stop
    private Object operate(SimRequest request, boolean start) {
        channel(request, null).running = start;
        return true;
    }

    // ---- read -----------------------------------------------------------------------------------------------

    // POST /data-federation/v2.0/channels/read/{channelId} {sqlQuery, queue, itemFormat}
    private Object read(SimRequest request) {
        Channel channel = channel(request, "READ");
        JsonNode body = request.jsonObject();
        String sql = Json.text(body, "sqlQuery");
        if (sql == null || sql.isBlank()) {
            throw ApiError.missing("sqlQuery");
        }
        String queue = Json.text(body, "queue");
        if (queue != null && !queue.isBlank() && !queue.matches("(?i)hot|warm|cold")) {
            throw ApiError.invalidArgument("queue", "must be Hot, Warm or Cold, was " + queue);
        }
        long started = context.clock().nowMillis();
        long nanos = System.nanoTime();
        try {
            ObjectNode answer = db.query(sql);
            record(channel, sql, "Succeeded", started, nanos);
            return answer;
        } catch (ApiError e) {
            record(channel, sql, "Failed", started, nanos);
            throw e;
        }
    }

    private void record(Channel channel, String sql, String state, long started, long nanos) {
        long tookMillis = Math.max(1, (System.nanoTime() - nanos) / 1_000_000);
        SimpleDateFormat format = new SimpleDateFormat("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        ObjectNode job = Json.object().put("jobId", UUID.randomUUID().toString()).put("channelId", channel.id)
                .put("sqlQuery", sql).put("state", state).put("requestTime", format.format(new java.util.Date(started)))
                .put("duration", String.format(Locale.ROOT, "%.3f sec", tookMillis / 1000.0))
                .put("startTime", started).put("endTime", started + tookMillis);
        synchronized (jobs) {
            jobs.addFirst(job);
            while (jobs.size() > MAX_JOBS) {
                jobs.removeLast();
            }
        }
    }

    // GET /data-federation/v2.0/channels/read/{channelId}/jobs
    private Object listJobs(SimRequest request) {
        Channel channel = channel(request, "READ");
        ObjectNode data = Json.object();
        data.putNull("runningJobs");
        ArrayNode finished = data.putArray("finishedJobs");
        synchronized (jobs) {
            jobs.stream().filter(j -> j.get("channelId").asText().equals(channel.id)).forEach(j -> {
                ObjectNode copy = j.deepCopy();
                copy.remove("channelId");
                finished.add(copy);
            });
        }
        return data;
    }

    // GET /data-federation/v2.0/channels/read/{channelId}/jobs/{jobId}
    private Object job(SimRequest request) {
        Channel channel = channel(request, "READ");
        String jobId = request.pathParam("jobId");
        ObjectNode job;
        synchronized (jobs) {
            job = jobs.stream().filter(j -> j.get("jobId").asText().equals(jobId)
                    && j.get("channelId").asText().equals(channel.id)).findFirst().orElse(null);
        }
        if (job == null) {
            throw ApiError.notFound("job " + jobId);
        }
        boolean ok = job.get("state").asText().equals("Succeeded");
        // Drill's query states: 2 = COMPLETED, 4 = FAILED
        return Json.object().put("jobId", jobId).put("sqlQuery", job.get("sqlQuery").asText())
                .put("state", ok ? 2 : 4).put("totalFragments", 1).put("finishedFragments", ok ? 1 : 0)
                .put("startTime", job.get("startTime").asLong()).put("endTime", job.get("endTime").asLong())
                .put("type", 1).put("user", "anonymous");
    }

    // ---- downloads ------------------------------------------------------------------------------------------

    // POST /data-federation/v2.0/channels/read/{channelId}/download-request {taskName, sourceName, querySql, filePackageName, ...}
    private Object requestDownload(SimRequest request) {
        Channel channel = channel(request, "READ");
        JsonNode body = request.jsonObject();
        String sql = Json.text(body, "querySql");
        if (sql == null || sql.isBlank()) {
            throw ApiError.missing("querySql");
        }
        db.check(sql);
        String taskId = "dl-" + taskSeq.incrementAndGet();
        String name = Json.text(body, "taskName");
        String pack = Json.text(body, "filePackageName");
        downloads.put(taskId, new Download(taskId, name == null ? taskId : name, channel.id, sql,
                pack == null ? taskId + ".zip" : pack, context.clock().nowMillis()));
        return Json.object().put("taskId", taskId);
    }

    // GET /data-federation/v2.0/channels/read/{channelId}/download/{taskId}/status
    private Object downloadStatus(SimRequest request) {
        Download d = download(request);
        synchronized (d) {
            String status = status(d);
            if (status.equals("running")) {
                d.polls++;
            }
            int progress = status.equals("done") ? 100 : Math.min(90, 100 * d.polls / (DOWNLOAD_POLLS + 1));
            ObjectNode node = Json.object().put("taskId", d.taskId).put("taskName", d.taskName).put("status", status)
                    .put("progress", progress).put("filePackageName", d.filePackageName).put("querySql", d.sql);
            if (status.equals("done")) {
                node.put("downloadUrl", "/data-federation/v2.0/files/" + d.filePackageName);
            }
            return node;
        }
    }

    private String status(Download d) {
        if (d.canceled) {
            return "canceled";
        }
        boolean done = d.polls >= DOWNLOAD_POLLS || context.clock().nowMillis() - d.createdMillis >= DOWNLOAD_MILLIS;
        return done ? "done" : "running";
    }

    // DELETE /data-federation/v2.0/channels/read/{channelId}/download/{taskId}
    private Object cancelDownload(SimRequest request) {
        Download d = download(request);
        synchronized (d) {
            if (!status(d).equals("running")) {
                throw ApiError.invalidArgument("taskId", "the task is already " + status(d));
            }
            d.canceled = true;
        }
        return true;
    }

    private Download download(SimRequest request) {
        Channel channel = channel(request, "READ");
        Download d = downloads.get(request.pathParam("taskId"));
        if (d == null || !d.channelId.equals(channel.id)) {
            throw ApiError.notFound("download task " + request.pathParam("taskId"));
        }
        return d;
    }

    // ---- write ----------------------------------------------------------------------------------------------

    // POST /data-federation/v2.0/channels/write/{channelId}/msg {dataSourceName, data, sync}
    private Object writeMessage(SimRequest request) {
        Channel channel = channel(request, "WRITE");
        JsonNode body = request.jsonObject();
        source(channel, Json.text(body, "dataSourceName"));
        String text = Json.text(body, "data");
        if (text == null || text.isBlank()) {
            throw ApiError.missing("data");
        }
        JsonNode data;
        try {
            data = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.invalidArgument("data", "not JSON: " + e.getOriginalMessage());
        }
        if (data == null || !data.path("table").isTextual() || !data.path("lines").isArray()) {
            throw ApiError.invalidArgument("data", "expected {\"table\": ..., \"lines\": [...]}");
        }
        ArrayNode failures = Json.array();
        for (JsonNode line : data.get("lines")) {
            if (!line.isObject() || line.isEmpty()) {
                ObjectNode failure = failures.addObject();
                failure.putArray("line").add(line);
                failure.putArray("info").addObject().put("field", "").put("reason", "a line must be a non-empty object");
            }
        }
        return Reply.raw(200, Json.object().put("msg", "OK").put("code", 0).put("requestId", request.requestId())
                .<ObjectNode>set("failures", failures).put("submsg", ""));
    }

    // POST /data-federation/v2.0/channels/write/{channelId}/file?dataSourceName= {fileName}
    private Object writeFile(SimRequest request) {
        Channel channel = channel(request, "WRITE");
        source(channel, request.query("dataSourceName"));
        String fileName = request.param("fileName");
        if (fileName == null || fileName.isBlank()) {
            throw ApiError.missing("fileName");
        }
        return ok(request);
    }

    // POST /data-federation/v2.0/channels/write/{channelId}/chunk-file?dataSourceName= {fileName, totalSize, chunkOffset, chunkSize, chunkData}
    private Object writeChunk(SimRequest request) {
        Channel channel = channel(request, "WRITE");
        source(channel, request.query("dataSourceName"));
        if (!channel.sourceType.equals("HDFS")) {
            throw ApiError.invalidArgument("dataSourceName", "chunked files go to HDFS data sources only");
        }
        JsonNode body = request.jsonObject();
        String fileName = Json.text(body, "fileName");
        if (fileName == null || fileName.isBlank()) {
            throw ApiError.missing("fileName");
        }
        long total = number(body, "totalSize");
        long offset = number(body, "chunkOffset");
        long size = number(body, "chunkSize");
        String chunk = Json.text(body, "chunkData");
        if (chunk == null) {
            throw ApiError.missing("chunkData");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(chunk);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidArgument("chunkData", "not Base64: " + e.getMessage());
        }
        if (bytes.length != size) {
            throw ApiError.invalidArgument("chunkSize", "the chunk holds " + bytes.length + " bytes, not " + size);
        }
        if (offset < 0 || offset + size > total) {
            throw ApiError.invalidArgument("chunkOffset", "the chunk ends past totalSize " + total);
        }
        chunkFiles.computeIfAbsent(channel.id + "/" + fileName, k -> new long[1])[0] += size;
        return ok(request);
    }

    private static Reply ok(SimRequest request) {
        return Reply.raw(200, Json.object().put("msg", "OK").put("code", 0).put("requestId", request.requestId())
                .put("submsg", ""));
    }

    private static long number(JsonNode body, String field) {
        String v = Json.text(body, field);
        if (v == null || v.isBlank()) {
            throw ApiError.missing(field);
        }
        if (!v.trim().matches("\\d{1,18}")) {
            throw ApiError.invalidArgument(field, "must be a whole number, was " + v);
        }
        return Long.parseLong(v.trim());
    }

    private static void source(Channel channel, String name) {
        if (name == null || name.isBlank()) {
            throw ApiError.missing("dataSourceName");
        }
        if (!name.equals(channel.sourceName)) {
            throw ApiError.invalidArgument("dataSourceName", name + " is not a data source of channel " + channel.id);
        }
    }

    /** The started channel of the path, of the given type (null: any); 99404 unknown, 99400 wrong type or stopped. */
    private Channel channel(SimRequest request, String type) {
        String id = request.pathParam("channelId");
        Channel channel = channels.get(id);
        if (channel == null) {
            throw ApiError.notFound("channel " + id);
        }
        if (type != null && !channel.type.equals(type)) {
            throw ApiError.invalidArgument("channelId", id + " is a " + channel.type + " channel");
        }
        if (type != null && !channel.running) {
            throw ApiError.invalidArgument("channelId", "channel " + id + " is stopped");
        }
        return channel;
    }
}
