package io.camelenos.simulator.sdk;

import com.envision.apim.poseidon.request.PoseidonRequest;
import com.envisioniot.enos.api.common.constant.response.EnosCommonRsp;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EnOS's official Java SDK (apim-poseidon 0.1.8 + enos-dm-api-pojo 0.2.5) against the emulator: every request class
 * the SDK models runs create → get → update → delete where it applies and must answer code 0 with a typed
 * response that parses; bad requests get the documented codes. Lenient auth: Poseidon's token is one only the
 * real gateway can decrypt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdkConformanceTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100).authMode(AuthMode.LENIENT)
            .appKey(Sdk.APP_KEY).appSecret(Sdk.APP_SECRET));

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static Sdk sdk;

    @BeforeAll
    static void sdk() {
        sdk = new Sdk(enos.simulator());
        enos.simulator().clock().fixAt(NOW);
    }

    @Test
    @Order(1)
    void thingModels() {
        new TreeAndAssetFlow(sdk).thingModels();
    }

    @Test
    @Order(2)
    void assetTreesAndAssets() {
        new TreeAndAssetFlow(sdk).treesAndAssets();
    }

    @Test
    @Order(3)
    void productsAndDevices() {
        new DeviceFlow(sdk).productsAndDevices();
    }

    @Test
    @Order(4)
    void topology() {
        new DeviceFlow(sdk).topology();
    }

    @Test
    @Order(5)
    void commandsAndEvents() {
        new DeviceFlow(sdk).commandsAndEvents();
    }

    @Test
    @Order(6)
    void certificates() {
        new DeviceFlow(sdk).certificates();
    }

    @Test
    @Order(7)
    void alertCatalogue() {
        new AlertFlow(sdk, NOW).catalogue();
    }

    @Test
    @Order(8)
    void activeAndHistoryAlerts() {
        // the meter of the first site: assets come in blocks of 25, the meter last
        new AlertFlow(sdk, NOW).alerts(enos.simulator().dataSet().assetId(24));
    }

    static Set<String> requestClasses() {
        return Sdk.requestClasses();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestClasses")
    @Order(9)
    void everyRequestClassWithAnotherOrgIdIsDeniedWith99403(String className) throws Exception {
        PoseidonRequest request = newRequest(className);
        request.getClass().getMethod("setOrgId", String.class).invoke(request, "o-another-org");
        sdk.fails(99403, request, AnyResponse.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestClasses")
    @Order(10)
    void everyRequestClassWithoutOrgIdFailsWith99400(String className) throws Exception {
        PoseidonRequest request = newRequest(className);
        AnyResponse response = sdk.call(request, AnyResponse.class);
        assertEquals(99400, response.getCode(), className + ": " + response.getMsg());
        assertTrue(response.getMsg().contains("orgId"), response.getMsg());
    }

    @Test
    @Order(11)
    void everyRequestClassOfTheSdkPassed() {
        Set<String> missing = new TreeSet<>(requestClasses());
        missing.removeAll(sdk.passed());
        assertEquals(Set.of(), missing, "request classes that never answered code 0");
        assertEquals(71, requestClasses().size(), "the request classes of enos-dm-api-pojo 0.2.5");
    }

    @Test
    @Order(12)
    void readmeStatesHowManyRequestClassesPassed() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String claim = sdk.passed().size() + " of " + requestClasses().size() + " request classes";
        assertTrue(readme.contains(claim), "README.md should say: " + claim);
    }

    private static PoseidonRequest newRequest(String className) throws ReflectiveOperationException {
        return (PoseidonRequest) Class.forName(className).getDeclaredConstructor().newInstance();
    }

    /** Any DM envelope, for the calls that only look at the code. */
    public static class AnyResponse extends EnosCommonRsp<Object> {
    }
}
