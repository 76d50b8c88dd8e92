package io.camelenos.simulator;

import java.util.List;

/** Every EnOS service the emulator serves. Add a service here to put it behind the gateway. */
final class Services {

    private Services() {
    }

    static List<SimService> all() {
        return List.of(
                new io.camelenos.simulator.asset.AssetService(),
                new io.camelenos.simulator.tree.AssetTreeService(),
                new io.camelenos.simulator.model.ModelService(),
                new io.camelenos.simulator.connect.ConnectService(),
                new io.camelenos.simulator.alert.EventAlertService(),
                new io.camelenos.simulator.alert.AlertCatalogService(),
                new io.camelenos.simulator.alert.AlertEngineService(),
                new io.camelenos.simulator.tsdb.TsdbService(),
                new io.camelenos.simulator.tsdbpolicy.TsdbPolicyService(),
                new io.camelenos.simulator.iam.IamService(),
                new io.camelenos.simulator.appportal.AppPortalService(),
                new io.camelenos.simulator.batch.BatchService(),
                new io.camelenos.simulator.ml.MlService(),
                new io.camelenos.simulator.streaming.StreamingService(),
                new io.camelenos.simulator.federation.FederationService()
        );
    }
}
