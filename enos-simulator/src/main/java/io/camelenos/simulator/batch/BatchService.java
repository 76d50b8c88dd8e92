package io.camelenos.simulator.batch;

import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Handler;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.List;

/**
 * Batch processing service, served as both dataflow-batch-service v2.0 and batch-processing-service v2.1 over one
 * store: workflows, their runs (whose state follows the emulator clock), task logs, workflow directories and the
 * server time. Status envelope {@code {status, msg, data}}; errors 62101 (unknown userId), 62102 (bad parameter),
 * 62103 (not the owner), 62104 (no task to run / flow depended on), 62105 (account locked), 62109 (no log yet).
 * The routes live here; the state in {@link BatchStore}, the JSON in {@link BatchViews}, the handlers in
 * {@link FlowHandlers}, {@link RunHandlers} and {@link DirectoryHandlers}.
 */
public final class BatchService implements SimService {

    static final List<String> BASES = List.of("/dataflow-batch-service/v2.0", "/batch-processing-service/v2.1");

    private BatchStore store;

    @Override
    public void register(Router router, SimContext context) {
        store = new BatchStore(context);
        BatchAccess access = new BatchAccess(context.shared(Users.class, Users::new), store);
        BatchViews views = new BatchViews(store);
        FlowHandlers flows = new FlowHandlers(store, access, views);
        RunHandlers runs = new RunHandlers(store, access, views);
        DirectoryHandlers directories = new DirectoryHandlers(store, access, views);
        for (String base : BASES) {
            router.path(base + "/flows", Envelope.STATUS)
                    .action("get", "GET", locked(r -> flows.read(r, (u, f) -> views.flowJson(f, u))))
                    .action("getMyFlow", "GET", locked(flows::myFlows))
                    .action("loadForEdit", "GET", locked(r -> flows.read(r, (u, f) -> views.flowJson(f, u))))
                    .action("export", "GET", locked(r -> flows.read(r, (u, f) -> views.export(f))))
                    .action("delete", "GET", locked(flows::delete))
                    .action("search", "POST", locked(flows::searchFlows))
                    .action("save", "POST", locked(flows::save))
                    .action("import", "POST", locked(flows::importFlow))
                    .action("enable", "POST", locked(r -> flows.setActive(r, 1)))
                    .action("disable", "POST", locked(r -> flows.setActive(r, 0)))
                    .action("trigger", "POST", locked(r -> flows.trigger(r, false, false)))
                    .action("triggerFromTask", "POST", locked(r -> flows.trigger(r, false, true)))
                    .action("updateAndTrigger", "POST", locked(r -> flows.trigger(r, true, false)));
            router.path(base + "/flowInstances", Envelope.STATUS)
                    .action("get", "GET", locked(runs::getInstance))
                    .action("search", "POST", locked(runs::searchInstances))
                    .action("cancel", "POST", locked(runs::cancel));
            router.path(base + "/taskInstances", Envelope.STATUS)
                    .action("getLog", "GET", locked(runs::taskLog))
                    .action("get", "GET", locked(runs::taskInstance));
            router.path(base + "/directories", Envelope.STATUS)
                    .action("create", "POST", locked(directories::createDirectory))
                    .action("listWorkFlowDirs", "GET", locked(directories::listDirectories));
            router.path(base + "/time", Envelope.STATUS).orgRequired(false)
                    .action("getCurrentTime", "GET", r -> context.clock().nowMillis())
                    .action("getTimeZone", "GET", r -> Json.object().put("timezone", "GMT+0"));
        }
    }

    /** One lock over the store for every handler: the store's maps and counters are plain collections. */
    private Handler locked(Handler handler) {
        return request -> {
            synchronized (store) {
                return handler.handle(request);
            }
        };
    }
}
