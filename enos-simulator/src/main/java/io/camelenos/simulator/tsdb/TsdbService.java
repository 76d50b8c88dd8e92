package io.camelenos.simulator.tsdb;

import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Handler;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * TSDB Data Service (reference 4.6): v2.1, all POST with orgId in the query and a JSON body, envelope
 * {code, msg, requestId, submsg, data}; and v2.0, GET with query parameters or POST with the same parameters as
 * a form or JSON body, envelope {status, requestId, msg, submsg, data}. Values come from {@link Readings}.
 */
public final class TsdbService implements SimService {

    static final String V21 = "/tsdb-service/v2.1/";
    static final String V20 = "/tsdb-service/v2.0/";

    @Override
    public void register(Router router, SimContext context) {
        TsdbReads reads = new TsdbReads();
        Map<String, Function<Call, Object>> endpoints = new LinkedHashMap<>();
        endpoints.put("raw", call -> reads.raw(call, "raw"));
        endpoints.put("ai", call -> reads.raw(call, "ai", "AI"));
        endpoints.put("generic", call -> reads.raw(call, "generic"));
        endpoints.put("di", call -> reads.raw(call, "di", "DI"));
        endpoints.put("ai-normalized", call -> reads.aggregated(call, "ai-normalized", false, "AI"));
        endpoints.put("electric-power", call -> reads.aggregated(call, "electric-power", true, "PI"));
        endpoints.put("electric-power/current-day", reads::currentDay);
        endpoints.put("di/duration", reads::diDuration);
        endpoints.put("latest", reads::latest);
        endpoints.put("latest/filter", reads::latestFilter);
        endpoints.forEach((path, read) -> {
            Handler v21 = request -> tsdbCodes(true, () -> read.apply(new Call(request, true, context)));
            router.path(V21 + path, Envelope.TSDB).method("POST", v21);
            Handler v20 = request -> tsdbCodes(false, () -> {
                Call call = new Call(request, false, context);
                call.checkOrgV20();
                return read.apply(call);
            });
            router.path(V20 + path, Envelope.STATUS).orgRequired(false).method("GET", v20).method("POST", v20);
        });
        router.path(V21 + "latest", Envelope.TSDB).action("delete", "POST",
                request -> tsdbCodes(true, () -> reads.deleteLatest(new Call(request, true, context))));
    }

    /** The core's generic 99400 (an unreadable body) in the TSDB codes: 80400 in v2.1, 400 in v2.0. */
    private static Object tsdbCodes(boolean v21, Supplier<Object> read) {
        try {
            return read.get();
        } catch (ApiError e) {
            if (e.code() == 99400) {
                throw ApiError.of(v21 ? 80400 : 400, e.msg());
            }
            throw e;
        }
    }
}
