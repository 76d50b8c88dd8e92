package io.camelenos.simulator.tsdb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.wire.Json;
import io.camelenos.simulator.wire.CommaSeparated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads of the TSDB Data Service, one method per endpoint. Paging: {@code pageSize} caps the records of each
 * (asset, point); when any (asset, point) fills its page, every (asset, point) is cut at the same instant (the
 * earliest last timestamp among the full ones), so a client continues from the page's last timestamp + 1 ms with
 * no gap and no duplicate (docs/tsdb.md).
 */
final class TsdbReads {

    private static final Pattern LOGIC = Pattern.compile("([A-Za-z]+)\\((.+)\\)");
    private static final Set<String> FUNCTIONS = Set.of("count", "avg", "sum", "max", "min", "first", "last");
    static final int DI_DURATION_MAX_PAIRS = 10;
    private static final long DI_DURATION_MAX_SCAN = 640_000;

    // POST /tsdb-service/v2.1/{raw|ai|generic|di}?orgId= ; GET|POST /tsdb-service/v2.0/{raw|ai|generic|di}
    Object raw(Call call, String endpoint, String... signals) {
        int pageSize = call.pageSize();
        Selection selection = select(call, pageSize, "measurepoints");
        List<AssetRef> assets = selection.assets();
        List<PointDef> points = selection.points();
        if (signals.length > 0) {
            call.requireSignal(points, endpoint, signals);
        }
        Window window = call.window();
        boolean desc = !endpoint.equals("di") && descending(call);
        boolean interpolate = endpoint.equals("di") && call.bool("autoInterpolate", false);
        boolean withQuality = call.bool("withQuality", false);
        Items.Options options = options(call, desc, withQuality, true);
        Readings readings = new Readings(call.context());
        List<Column> columns = points.stream().map(Column::raw).toList();
        Page[][] pages = new Page[assets.size()][columns.size()];
        for (int a = 0; a < assets.size(); a++) {
            AssetRef asset = assets.get(a);
            long start = window.start(asset.zone());
            long end = window.end(asset.zone());
            for (int c = 0; c < columns.size(); c++) {
                Page page = new Page(pageSize);
                PointDef point = columns.get(c).point();
                if (interpolate) {
                    interpolateAtStart(readings, asset, point, start, end, page);
                }
                Readings.Cursor cursor = readings.cursor(asset, point, start, end, desc);
                while (!page.full() && cursor.next()) {
                    page.add(cursor.time, cursor.number, cursor.text, withQuality ? cursor.quality() : 0);
                }
                pages[a][c] = page;
            }
        }
        cutUniformly(pages, desc);
        return Items.data(assets, columns, pages, options);
    }

    /** DI autoInterpolate: with no sample at startTime, the last state before it, stamped at startTime. */
    private static void interpolateAtStart(Readings readings, AssetRef asset, PointDef point, long start, long end,
                                           Page page) {
        if (start < DataSet.EPOCH_MILLIS || start > readings.now() || start > end) {
            return;
        }
        if (readings.cursor(asset, point, start, start, false).next()) {
            return;
        }
        Readings.Cursor before = readings.cursor(asset, point, DataSet.EPOCH_MILLIS, start - 1, true);
        if (before.next()) {
            page.add(start, before.number, before.text, before.quality());
        }
    }

    /** The assets and measure points a read names, and the points of their models. */
    private record Selection(List<AssetRef> assets, List<PointDef> points) {
    }

    /**
     * The setup every read by (assets, points) shares: the ids parsed ({@code pointIds}, or the v2.0 field name
     * given; null for v2.1-only endpoints), the TSDB limits checked against {@code pageSize}, the assets and points
     * resolved (unknown ones refused with the field's name).
     */
    private static Selection select(Call call, int pageSize, String v20PointField) {
        List<String> assetIds = call.assetIds();
        List<String> pointIds = Call.list(call.require("pointIds", v20PointField));
        call.checkLimits(assetIds.size(), pointIds.size(), pageSize);
        List<AssetRef> assets = call.assets(assetIds);
        String field = call.v21() || v20PointField == null ? "pointIds" : v20PointField;
        return new Selection(assets, call.points(assets, pointIds, field));
    }

    private static boolean descending(Call call) {
        String orderBy = call.text("orderBy");
        if (orderBy == null) {
            return false;
        }
        String normalized = orderBy.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "timestamp asc", "asc", "timestamp" -> false;
            case "timestamp desc", "desc" -> true;
            default -> throw call.invalid("orderBy", "only 'timestamp asc' and 'timestamp desc' are supported, was "
                    + orderBy);
        };
    }

    private static Items.Options options(Call call, boolean desc, boolean withQuality, boolean withLocalTime) {
        int itemFormat = call.oneOf("itemFormat", 0, 0, 1, 2);
        int localTimeFormat = call.oneOf("localTimeFormat", 0, 0, 1);
        boolean millis = call.bool("localTimeAccuracy", false);
        return new Items.Options(itemFormat, localTimeFormat == 1, millis, withQuality, withLocalTime, desc);
    }

    /**
     * When some (asset, point) filled its page, cuts every page at that page's last timestamp (the earliest such
     * timestamp when ascending, the latest when descending), so the answer covers one time range for everyone.
     */
    static void cutUniformly(Page[][] pages, boolean desc) {
        boolean any = false;
        long cut = 0;
        for (Page[] row : pages) {
            for (Page page : row) {
                if (page.full()) {
                    long last = page.last();
                    cut = !any ? last : desc ? Math.max(cut, last) : Math.min(cut, last);
                    any = true;
                }
            }
        }
        if (any) {
            for (Page[] row : pages) {
                for (Page page : row) {
                    page.cutAt(cut, desc);
                }
            }
        }
    }

    // POST /tsdb-service/v2.1/{ai-normalized|electric-power}?orgId= ; v2.0 GET|POST with measurepointsWithLogic
    Object aggregated(Call call, String endpoint, boolean increments, String signal) {
        List<String> assetIds = call.assetIds();
        String field = call.v21() ? "pointIdsWithLogic" : "measurepointsWithLogic";
        List<String> logic = Call.list(call.require("pointIdsWithLogic", "measurepointsWithLogic"));
        int pageSize = call.pageSize();
        call.checkLimits(assetIds.size(), logic.size(), pageSize);
        List<AssetRef> assets = call.assets(assetIds);
        String intervalText = call.text("interval");
        if (intervalText == null) {
            throw call.invalid("interval", "interval is missing");
        }
        int interval = call.integer("interval", 0);
        if (interval < 0 || interval > 1440) {
            throw call.invalid("interval", "interval must be 0 to 1440 minutes, was " + interval);
        }
        List<Column> columns = columns(call, assets, logic, interval, field);
        call.requireSignal(columns.stream().map(Column::point).distinct().toList(), endpoint, signal);
        Window window = call.window();
        Items.Options options = options(call, false, false, true);
        Readings readings = new Readings(call.context());
        Page[][] pages = new Page[assets.size()][columns.size()];
        for (int a = 0; a < assets.size(); a++) {
            AssetRef asset = assets.get(a);
            long start = window.start(asset.zone());
            long end = window.end(asset.zone());
            for (int c = 0; c < columns.size(); c++) {
                pages[a][c] = aggregate(readings, asset, columns.get(c), start, end, interval * 60_000L, increments,
                        pageSize);
            }
        }
        cutUniformly(pages, false);
        return Items.data(assets, columns, pages, options);
    }

    private static List<Column> columns(Call call, List<AssetRef> assets, List<String> logic, int interval,
                                        String field) {
        if (logic.isEmpty()) {
            throw call.invalid(field, field + " is missing");
        }
        List<Column> columns = new ArrayList<>();
        for (String item : logic) {
            Matcher m = LOGIC.matcher(item);
            String function = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
            String pointId = m.matches() ? m.group(2).trim() : item;
            if (function != null && !FUNCTIONS.contains(function)) {
                throw call.invalid(field, "unsupported function " + m.group(1) + " in " + item
                        + "; supported: count, avg, sum, max, min, first, last");
            }
            if (interval == 0 && function != null) {
                throw call.invalid(field, "interval 0 reads values without aggregation, but " + item
                        + " has a function");
            }
            if (interval > 0 && function == null) {
                throw call.invalid(field, "interval " + interval + " needs a function for " + item
                        + ", e.g. avg(" + item + ")");
            }
            PointDef point = call.points(assets, List.of(pointId), field).get(0);
            columns.add(new Column(item.replace(" ", ""), point, function));
        }
        return columns;
    }

    /**
     * One (asset, column) of an aggregated read over [start, end): with no interval the samples themselves, else
     * buckets of {@code width} from start, each stamped at its start, empty buckets left out.
     */
    private static Page aggregate(Readings readings, AssetRef asset, Column column, long start, long end, long width,
                                  boolean increments, int pageSize) {
        Page page = new Page(pageSize);
        PointDef point = column.point();
        long step = TimeSeries.intervalMillis(point);
        Readings.Cursor cursor = readings.cursor(asset, point, start, end - 1, false);
        Bucket bucket = new Bucket(column.function());
        long bucketStart = Long.MIN_VALUE;
        while (!page.full() && cursor.next()) {
            double v = cursor.number;
            if (increments && !Double.isNaN(v)) {
                v = round(v - readings.valueAt(asset, point, cursor.time - step), 3);
            }
            if (width == 0) {
                page.add(cursor.time, v, cursor.text, TimeSeries.GOOD);
                continue;
            }
            long at = start + Math.floorDiv(cursor.time - start, width) * width;
            if (at != bucketStart) {
                bucket.emit(page, bucketStart);
                bucketStart = at;
                bucket.reset();
            }
            bucket.add(v);
        }
        if (!page.full()) {
            bucket.emit(page, bucketStart);
        }
        return page;
    }

    /** The running aggregate of one bucket. */
    private static final class Bucket {
        private final String function;
        private long count;
        private long numbers;
        private double sum;
        private double min;
        private double max;
        private double first;
        private double last;

        Bucket(String function) {
            this.function = function;
        }

        void reset() {
            count = 0;
            numbers = 0;
            sum = 0;
        }

        void add(double v) {
            count++;
            if (Double.isNaN(v)) {
                return;
            }
            if (numbers == 0) {
                first = v;
                min = v;
                max = v;
            }
            numbers++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            last = v;
        }

        void emit(Page page, long at) {
            if (count == 0 || (numbers == 0 && !function.equals("count"))) {
                return;
            }
            double value = switch (function) {
                case "count" -> count;
                case "avg" -> round(sum / numbers, 4);
                case "sum" -> round(sum, 3);
                case "max" -> max;
                case "min" -> min;
                case "first" -> first;
                default -> last;
            };
            page.add(at, value, null, TimeSeries.GOOD);
        }
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    // POST /tsdb-service/v2.1/electric-power/current-day?orgId= ; v2.0 GET|POST
    Object currentDay(Call call) {
        Selection selection = select(call, 1, "measurepoints");
        List<AssetRef> assets = selection.assets();
        List<PointDef> points = selection.points();
        call.requireSignal(points, "electric-power/current-day", "PI");
        Items.Options options = options(call, false, false, true);
        Readings readings = new Readings(call.context());
        List<Column> columns = points.stream().map(p -> new Column("sum(" + p.id() + ")", p, "sum")).toList();
        Page[][] pages = new Page[assets.size()][columns.size()];
        for (int a = 0; a < assets.size(); a++) {
            AssetRef asset = assets.get(a);
            long midnight = LocalDate.ofInstant(Instant.ofEpochMilli(readings.now()), asset.zone())
                    .atStartOfDay(asset.zone()).toInstant().toEpochMilli();
            for (int c = 0; c < columns.size(); c++) {
                PointDef point = columns.get(c).point();
                long step = TimeSeries.intervalMillis(point);
                Readings.Cursor cursor = readings.cursor(asset, point, midnight + 1, readings.now(), false);
                double sum = 0;
                boolean any = false;
                while (cursor.next()) {
                    if (!Double.isNaN(cursor.number)) {
                        sum += cursor.number - readings.valueAt(asset, point, cursor.time - step);
                        any = true;
                    }
                }
                Page page = new Page(1);
                if (any) {
                    page.add(midnight, round(sum, 3), null, TimeSeries.GOOD);
                }
                pages[a][c] = page;
            }
        }
        return Items.data(assets, columns, pages, options);
    }

    // POST /tsdb-service/v2.1/di/duration?orgId= ; v2.0 GET|POST
    Object diDuration(Call call) {
        Selection selection = select(call, 1, "measurepoints");
        List<AssetRef> assets = selection.assets();
        List<PointDef> points = selection.points();
        call.requireSignal(points, "di/duration", "DI");
        long pairs = (long) assets.size() * points.size();
        if (pairs > DI_DURATION_MAX_PAIRS) {
            throw call.invalid("pointIds", "assets x points = " + pairs + " exceeds the limit of "
                    + DI_DURATION_MAX_PAIRS + " for di/duration");
        }
        Window window = call.window();
        List<Integer> statusFilter = new ArrayList<>();
        for (String s : Call.list(call.text("status"))) {
            try {
                statusFilter.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                throw call.invalid("status", "status values are integers, was " + s);
            }
        }
        boolean withUnknown = statusFilter.isEmpty() && call.bool("ifWithUnknown", true);
        Readings readings = new Readings(call.context());
        ArrayNode items = Json.array();
        for (AssetRef asset : assets) {
            long start = window.start(asset.zone());
            long end = window.end(asset.zone());
            for (PointDef point : points) {
                items.add(durations(readings, asset, point, start, end, statusFilter, withUnknown));
            }
        }
        ObjectNode data = Json.object();
        data.set("items", items);
        return data;
    }

    /**
     * Each sample's state holds for one sampling interval; an interval with no sample (a gap, before the data
     * begins) is "Unknown". The scan covers [start, min(end, now)).
     */
    private static ObjectNode durations(Readings readings, AssetRef asset, PointDef point, long start, long end,
                                        List<Integer> statusFilter, boolean withUnknown) {
        long scanEnd = Math.min(end, readings.now());
        long step = TimeSeries.intervalMillis(point);
        Map<Integer, Long> byStatus = new TreeMap<>();
        long unknown = 0;
        long scanned = 0;
        for (long t = Math.floorDiv(start, step) * step; t < scanEnd; t += step) {
            if (++scanned > DI_DURATION_MAX_SCAN) {
                scanEnd = t;
                break;
            }
            long from = Math.max(t, start);
            long to = Math.min(t + step, scanEnd);
            if (to <= from) {
                continue;
            }
            Readings.Cursor sample = readings.cursor(asset, point, t, t, false);
            if (sample.next() && !Double.isNaN(sample.number)) {
                byStatus.merge((int) Math.round(sample.number), to - from, Long::sum);
            } else {
                unknown += to - from;
            }
        }
        ObjectNode item = Json.object().put("scanEndTimestamp", Math.max(scanEnd, start))
                .put("pointId", point.id()).put("assetId", asset.id());
        ArrayNode durations = item.putArray("durations");
        byStatus.forEach((status, duration) -> {
            if (statusFilter.isEmpty() || statusFilter.contains(status)) {
                durations.addObject().put("duration", duration).put("status", status);
            }
        });
        if (withUnknown && unknown > 0) {
            durations.addObject().put("duration", unknown).put("status", "Unknown");
        }
        return item;
    }

    // POST /tsdb-service/v2.1/latest?orgId= ; v2.0 GET|POST
    Object latest(Call call) {
        Selection selection = select(call, 1, "measurepoints");
        return latestItems(call, selection.assets(), selection.points(), null);
    }

    // POST /tsdb-service/v2.1/latest/filter?orgId= ; v2.0 GET|POST with measurepoint
    Object latestFilter(Call call) {
        call.require("modelId", null);
        List<String> assetIds = call.assetIds();
        call.checkLimits(assetIds.size(), 1, 1);
        List<AssetRef> assets = call.assets(assetIds);
        String pointId = call.require("pointId", "measurepoint");
        List<PointDef> points = call.points(assets, List.of(pointId), call.v21() ? "pointId" : "measurepoint");
        String operator = call.require("operator", null).toLowerCase(Locale.ROOT);
        List<String> values = CommaSeparated.list(call.require("valueFilter", null));
        int needed = switch (operator) {
            case "eq", "nq", "gt", "ge", "lt", "le" -> 1;
            case "between" -> 2;
            case "in" -> -1;
            default -> throw call.invalid("operator", "unsupported operator " + operator
                    + "; supported: eq, nq, gt, ge, lt, le, between, in");
        };
        if (needed > 0 && values.size() != needed) {
            throw call.invalid("valueFilter", "operator " + operator + " takes " + needed + " value"
                    + (needed > 1 ? "s" : "") + ", was " + values.size());
        }
        return latestItems(call, assets, points, new ValueFilter(operator, values));
    }

    private static Object latestItems(Call call, List<AssetRef> assets, List<PointDef> points, ValueFilter filter) {
        int timeWindow = call.integer("timeWindow", -1);
        if (call.text("timeWindow") != null && timeWindow < 0) {
            throw call.invalid("timeWindow", "timeWindow must be 0 or more minutes, was " + timeWindow);
        }
        Items.Options options = options(call, false, false, call.bool("ifWithLocalTime", false));
        Readings readings = new Readings(call.context());
        long from = timeWindow < 0 ? DataSet.EPOCH_MILLIS : readings.now() - timeWindow * 60_000L;
        List<Column> columns = points.stream().map(Column::raw).toList();
        Page[][] pages = new Page[assets.size()][columns.size()];
        for (int a = 0; a < assets.size(); a++) {
            AssetRef asset = assets.get(a);
            for (int c = 0; c < columns.size(); c++) {
                PointDef point = columns.get(c).point();
                Page page = new Page(1);
                Readings.Cursor cursor = readings.cursor(asset, point, from, readings.now(), true);
                if (cursor.next() && cursor.time > readings.overlay().latestDeletedAt(asset.id(), point.id())
                        && (filter == null || filter.test(cursor.number, cursor.text == null ? null
                        : cursor.text.asText()))) {
                    page.add(cursor.time, cursor.number, cursor.text, cursor.quality());
                }
                pages[a][c] = page;
            }
        }
        return Items.data(assets, columns, pages, options);
    }

    /** latest/filter's operator and values: numbers compared as numbers, other values as text. */
    private record ValueFilter(String operator, List<String> values) {
        boolean test(double number, String text) {
            return switch (operator) {
                case "eq" -> compare(number, text, values.get(0)) == 0;
                case "nq" -> compare(number, text, values.get(0)) != 0;
                case "gt" -> compare(number, text, values.get(0)) > 0;
                case "ge" -> compare(number, text, values.get(0)) >= 0;
                case "lt" -> compare(number, text, values.get(0)) < 0;
                case "le" -> compare(number, text, values.get(0)) <= 0;
                case "between" -> compare(number, text, values.get(0)) >= 0 && compare(number, text, values.get(1)) <= 0;
                default -> values.stream().anyMatch(v -> compare(number, text, v) == 0);
            };
        }

        private static int compare(double number, String text, String filter) {
            if (text == null) {
                try {
                    return Double.compare(number, Double.parseDouble(filter));
                } catch (NumberFormatException e) {
                    return formatted(number).compareTo(filter);
                }
            }
            return text.compareTo(filter);
        }

        private static String formatted(double number) {
            return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
        }
    }

    // POST /tsdb-service/v2.1/latest?action=delete&orgId=
    Object deleteLatest(Call call) {
        Selection selection = select(call, 1, null);
        Readings readings = new Readings(call.context());
        for (AssetRef asset : selection.assets()) {
            for (PointDef point : selection.points()) {
                readings.overlay().deleteLatest(asset.id(), point.id(), readings.now());
            }
        }
        return null;
    }
}
