package io.camelenos.component.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelenos.simulator.EnosSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue and the emulator are written independently from the same reference; where both know an endpoint
 * they must agree on its method and action. Grows by itself as the emulator serves more services.
 */
class EnosCatalogAgainstEmulatorTest {

    /** Served by the emulator, left out of the catalogue on purpose (multipart uploads, binary files). */
    private static final Set<String> NOT_CATALOGUED = Set.of(
            "/connect-service/v2.1/integration", "/connect-service/v2.1/files");

    /**
     * Methods the emulator also accepts where the catalogue uses another: TSDB v2.0 takes its parameters by GET or
     * as a POST form (reference 4.6), and the unformatted policy update takes PUT as well as POST.
     */
    private static final Set<String> ALTERNATIVE_METHODS = Set.of(
            "/tsdb-service/v2.0/ POST", "/tsdb-policy/v2.1/policies/unformatted/update PUT");

    /**
     * Second paths or methods the emulator accepts for one catalogued operation: the search-alert-type doc's URL is
     * {@code alert-types/search?action=search} (catalogued), while its own sample calls {@code alert-types?action=search};
     * and the forms EnOS's Java SDK sends where the docs say otherwise (cancel command by GET, get alert content by
     * POST, the certificate calls on a path of their own with the device in the body).
     */
    private static final Set<String> ALTERNATIVE_PATHS = Set.of("/event-service/v2.1/alert-types POST action=search",
            "/connect-service/v2.1/commands GET action=cancel", "/event-service/v2.1/alert-contents POST action=get",
            "/connect-service/v2.0/certificates/apply POST action=apply",
            "/connect-service/v2.0/certificates/get POST action=get",
            "/connect-service/v2.0/certificates/revoke POST action=revoke");

    private final EnosCatalog catalog = EnosCatalog.defaultCatalog();

    @Test
    void everyCataloguedOperationTheEmulatorServesHasTheSameMethodAndAction() {
        Map<String, List<String>> served = served();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (EnosOperation op : catalog.operations()) {
            List<String> offered = served.get(op.path());
            if (offered != null) {
                checked++;
                if (!offered.contains(describe(op))) {
                    mismatches.add(op.key() + " is " + describe(op) + " but the emulator serves " + offered);
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(checked >= 5, "the emulator serves at least the asset service, checked " + checked);
    }

    @Test
    void everyEndpointTheEmulatorServesInACataloguedServiceIsCatalogued() {
        Set<String> basePaths = catalog.operations().stream().map(op -> "/" + op.basePath() + "/")
                .collect(Collectors.toSet());
        Set<String> catalogued = catalog.operations().stream().map(op -> op.path() + " " + describe(op))
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        served().forEach((path, offers) -> {
            if (basePaths.stream().anyMatch(path::startsWith) && !NOT_CATALOGUED.contains(path)) {
                offers.stream().map(offer -> path + " " + offer).filter(e -> !catalogued.contains(e))
                        .filter(e -> !isAlternative(e) && !ALTERNATIVE_PATHS.contains(e)).forEach(missing::add);
            }
        });
        assertEquals(List.of(), missing);
    }

    private static boolean isAlternative(String pathAndOffer) {
        return ALTERNATIVE_METHODS.stream().anyMatch(alt -> {
            String prefix = alt.substring(0, alt.lastIndexOf(' '));
            String method = alt.substring(alt.lastIndexOf(' ') + 1);
            return pathAndOffer.startsWith(prefix) && pathAndOffer.endsWith(" " + method);
        });
    }

    private static Map<String, List<String>> served() {
        // the router is filled when the emulator is built; no need to listen on a port
        return EnosSimulator.builder().build().router().describe();
    }

    /** The emulator's notation: "POST action=search", or the bare method for REST-style paths. */
    private static String describe(EnosOperation op) {
        return op.action() == null ? op.method() : op.method() + " action=" + op.action();
    }
}
