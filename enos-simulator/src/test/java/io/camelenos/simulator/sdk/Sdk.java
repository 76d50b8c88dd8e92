package io.camelenos.simulator.sdk;

import com.envision.apim.poseidon.config.PConfig;
import com.envision.apim.poseidon.core.Poseidon;
import com.envision.apim.poseidon.exception.PoseidonException;
import com.envision.apim.poseidon.request.PoseidonRequest;
import com.envisioniot.enos.api.common.constant.request.Pagination;
import com.envisioniot.enos.api.common.constant.response.AbstractEnosRsp;
import io.camelenos.simulator.EnosSimulator;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * EnOS's official Java SDK (Poseidon + the enos-dm-api-pojo request classes) pointed at the emulator, and the
 * record of which request classes answered code 0 with a typed response.
 */
final class Sdk {

    /** The SDK reads app key and secret as hex (EnOS issues UUID-shaped keys), so the emulator gets keys of that shape. */
    static final String APP_KEY = "7f7e2c1d-3c2e-4f7a-9d0b-5a1e8c3b2a10";
    static final String APP_SECRET = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private final EnosSimulator sim;
    private final Set<String> passed = new ConcurrentSkipListSet<>();

    Sdk(EnosSimulator sim) {
        this.sim = sim;
    }

    String orgId() {
        return sim.orgId();
    }

    /** Sends the request as the SDK does and parses the answer into the SDK's response type. */
    <T extends AbstractEnosRsp<?>> T call(PoseidonRequest request, Class<T> responseType) {
        try {
            PConfig config = PConfig.init().appKey(APP_KEY).appSecret(APP_SECRET);
            // -Dsdk.debug=true: the SDK prints each request and response (the app secret is not among them)
            return Poseidon.config(Boolean.getBoolean("sdk.debug") ? config.debug() : config)
                    .url(baseUrlFor(request)).getResponse(request, responseType);
        } catch (PoseidonException e) {
            throw new AssertionError(request.getClass().getSimpleName() + " failed in the SDK: " + e.getMessage(), e);
        }
    }

    /** A call that must succeed: code 0 and a parsed response; the request class then counts as passed. */
    <T extends AbstractEnosRsp<?>> T ok(PoseidonRequest request, Class<T> responseType) {
        T response = call(request, responseType);
        assertNotNull(response, request.getClass().getSimpleName() + ": no response");
        assertEquals(0, response.getCode(), request.getClass().getSimpleName() + ": " + response.getMsg());
        assertNotNull(response.getRequestId(), request.getClass().getSimpleName() + ": no requestId");
        passed.add(request.getClass().getName());
        return response;
    }

    /** A call that must fail with the given code (some of the SDK's response types are raw, hence the raw bound). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    void fails(int code, PoseidonRequest request, Class<? extends AbstractEnosRsp> responseType) {
        AbstractEnosRsp<?> response = call(request, (Class<AbstractEnosRsp<?>>) responseType);
        assertEquals(code, response.getCode(), request.getClass().getSimpleName() + ": " + response.getMsg());
    }

    /** The first page of the given size (set by name: the constructor's argument order is easy to get wrong). */
    static Pagination firstPage(int pageSize) {
        Pagination pagination = new Pagination();
        pagination.setPageNo(1);
        pagination.setPageSize(pageSize);
        return pagination;
    }

    Set<String> passed() {
        return passed;
    }

    /**
     * The certificate requests' paths have no leading slash ({@code connect-service/v2.0/...}), and Poseidon only
     * concatenates: their users configure the gateway URL with a trailing slash.
     */
    private String baseUrlFor(PoseidonRequest request) {
        return request.baseUri().startsWith("/") ? sim.baseUrl() : sim.baseUrl() + "/";
    }

    /**
     * Every request class of enos-dm-api-pojo: the concrete PoseidonRequest subclasses of its jar. The
     * {@code Abstract*Request} classes are bases (AbstractAlertRuleRequest is not declared abstract, but sends
     * no action) and are left out.
     */
    static Set<String> requestClasses() {
        Set<String> result = new TreeSet<>();
        try (JarFile jar = new JarFile(jarOf(com.envisioniot.enos.asset_service.v2_1.GetAssetRequest.class))) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && !name.contains("$")) {
                    String className = name.substring(0, name.length() - 6).replace('/', '.');
                    if (isRequest(Class.forName(className))) {
                        result.add(className);
                    }
                }
            }
        } catch (IOException | ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the SDK's request classes: " + e.getMessage(), e);
        }
        return result;
    }

    private static boolean isRequest(Class<?> type) {
        return PoseidonRequest.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                && !type.getSimpleName().startsWith("Abstract");
    }

    private static java.io.File jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    }
}
