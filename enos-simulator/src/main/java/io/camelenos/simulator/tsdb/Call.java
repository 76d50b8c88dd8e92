package io.camelenos.simulator.tsdb;

import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.CommaSeparated;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One TSDB request: its parameters read leniently (EnOS samples send numbers and booleans as strings, and empty
 * strings for "not set"), by their v2.1 name or their v2.0 name, and the errors in the version's codes
 * (v2.1: 80400 invalid, 80401 unauthorized; v2.0: 400 for both).
 */
final class Call {

    static final int MAX_PAIRS = 3000;
    static final long MAX_RECORDS = 640_000;
    static final int DEFAULT_PAGE_SIZE = 1000;

    private final SimRequest request;
    private final boolean v21;
    private final SimContext context;

    Call(SimRequest request, boolean v21, SimContext context) {
        this.request = request;
        this.v21 = v21;
        this.context = context;
    }

    boolean v21() {
        return v21;
    }

    SimContext context() {
        return context;
    }

    ApiError invalid(String field, String detail) {
        return ApiError.of(v21 ? 80400 : 400, "Invalid Argument " + field + ": " + detail);
    }

    ApiError unauthorized(String detail) {
        return ApiError.of(v21 ? 80401 : 400, "Asset unauthorized: " + detail);
    }

    /** v2.0 takes orgId from the query or the form body, so the service checks it itself. */
    void checkOrgV20() {
        String org = request.param("orgId");
        if (org == null || org.isBlank()) {
            throw invalid("orgId", "orgId is missing");
        }
        if (!org.equals(context.orgId())) {
            throw unauthorized("orgId " + org);
        }
    }

    /** A parameter by its name, else by its other-version name; blank is "not set". */
    String text(String name, String otherName) {
        String value = request.param(name);
        if ((value == null || value.isBlank()) && otherName != null) {
            value = request.param(otherName);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    String text(String name) {
        return text(name, null);
    }

    /** A mandatory parameter; the error names it as the request's version calls it. */
    String require(String name, String otherName) {
        String value = text(name, otherName);
        if (value == null) {
            String field = v21 || otherName == null ? name : otherName;
            throw invalid(field, field + " is missing");
        }
        return value;
    }

    /** A comma-separated list, blanks dropped, duplicates removed, order kept. */
    static List<String> list(String text) {
        return CommaSeparated.distinct(text);
    }

    boolean bool(String name, boolean fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(name, "expected true or false, was " + value);
        };
    }

    int integer(String name, int fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "expected an integer, was " + value);
        }
    }

    int oneOf(String name, int fallback, int... allowed) {
        int value = integer(name, fallback);
        for (int a : allowed) {
            if (a == value) {
                return value;
            }
        }
        throw invalid(name, "unsupported value " + value);
    }

    int pageSize() {
        int pageSize = integer("pageSize", DEFAULT_PAGE_SIZE);
        if (pageSize < 1) {
            throw invalid("pageSize", "pageSize must be at least 1, was " + pageSize);
        }
        return pageSize;
    }

    /** The assets named in {@code assetIds}: each must exist in the org (80401), and be of {@code modelId} when given. */
    List<String> assetIds() {
        List<String> ids = list(require("assetIds", null));
        if (ids.isEmpty()) {
            throw invalid("assetIds", "assetIds is missing");
        }
        return ids;
    }

    List<AssetRef> assets(List<String> ids) {
        String modelId = text("modelId");
        DataSet dataSet = context.dataSet();
        List<AssetRef> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            AssetRef asset = resolve(dataSet, id);
            if (modelId != null && (asset.model() == null || !asset.model().modelId().equals(modelId))) {
                throw unauthorized("asset " + id + " is not of model " + modelId);
            }
            result.add(asset);
        }
        return result;
    }

    private AssetRef resolve(DataSet dataSet, String id) {
        if (!dataSet.assets().exists(id)) {
            throw unauthorized("asset " + id + " does not exist in organization " + context.orgId());
        }
        int index = dataSet.indexOf(id);
        if (index >= 0) {
            return new AssetRef(id, index, dataSet.modelOf(index), zoneOf(dataSet.timezoneOf(index)));
        }
        var node = dataSet.assets().get(id).orElseThrow(() -> unauthorized("asset " + id));
        String tz = node.path("timezone").asText("UTC");
        return new AssetRef(id, -1, ThingModels.byId(node.path("modelId").asText()), zoneOf(tz));
    }

    static ZoneId zoneOf(String tz) {
        try {
            return tz.startsWith("+") || tz.startsWith("-") ? ZoneOffset.of(tz) : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The point definitions of the ids, checked against every asset's model (80401 for a point an asset lacks). */
    List<PointDef> points(List<AssetRef> assets, List<String> pointIds, String field) {
        if (pointIds.isEmpty()) {
            throw invalid(field, field + " is missing");
        }
        List<PointDef> result = new ArrayList<>(pointIds.size());
        for (String pointId : pointIds) {
            PointDef def = null;
            for (AssetRef asset : assets) {
                PointDef p = asset.model() == null ? null : asset.model().point(pointId);
                if (p == null) {
                    throw unauthorized("point " + pointId + " is not a measure point of asset " + asset.id()
                            + (asset.model() == null ? "" : " (model " + asset.model().modelId() + ")"));
                }
                def = p;
            }
            result.add(def);
        }
        return result;
    }

    /** Points must be of one of the signal types the endpoint reads. */
    void requireSignal(List<PointDef> points, String endpoint, String... signalTypes) {
        for (PointDef p : points) {
            if (!List.of(signalTypes).contains(p.signalType())) {
                throw invalid("pointIds", "point " + p.id() + " is a " + p.signalType() + " point; " + endpoint
                        + " reads " + String.join("/", signalTypes) + " points");
            }
        }
    }

    /** The two documented size limits: pairs and records per request. */
    void checkLimits(int assets, int points, long pageSize) {
        long pairs = (long) assets * points;
        if (pairs > MAX_PAIRS) {
            throw invalid("pointIds", "assets x points = " + assets + " x " + points + " = " + pairs
                    + " exceeds the limit of " + MAX_PAIRS);
        }
        if (pairs * pageSize > MAX_RECORDS) {
            throw invalid("pageSize", "assets x points x pageSize = " + assets + " x " + points + " x " + pageSize
                    + " = " + pairs * pageSize + " exceeds the limit of " + MAX_RECORDS);
        }
    }

    Window window() {
        return Window.parse(this, require("startTime", null), require("endTime", null));
    }
}
