package io.camelenos.simulator.sdk;

import com.envisioniot.enos.api.common.constant.common.StringI18n;
import com.envisioniot.enos.connect_service.v2_1.cert.ApplyCertificateRequest;
import com.envisioniot.enos.connect_service.v2_1.cert.ApplyCertificateResponse;
import com.envisioniot.enos.connect_service.v2_1.cert.GetCertificatesRequest;
import com.envisioniot.enos.connect_service.v2_1.cert.GetCertificatesResponse;
import com.envisioniot.enos.connect_service.v2_1.cert.RevokeCertificateRequest;
import com.envisioniot.enos.connect_service.v2_1.cert.RevokeCertificatesResponse;
import com.envisioniot.enos.connect_service.v2_1.device.CreateDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.CreateDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.DeleteDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.DeleteDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.DisableDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.DisableDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.EnableDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.EnableDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.GetDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.GetDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.ReplaceDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.ReplaceDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.SearchDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.SearchDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.UpdateDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.UpdateDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.topo.AddSubDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.topo.AddSubDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.topo.GetGatewayRequest;
import com.envisioniot.enos.connect_service.v2_1.device.topo.GetGatewayResponse;
import com.envisioniot.enos.connect_service.v2_1.device.topo.RemoveSubDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.topo.RemoveSubDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.device.topo.SearchSubDeviceRequest;
import com.envisioniot.enos.connect_service.v2_1.device.topo.SearchSubDeviceResponse;
import com.envisioniot.enos.connect_service.v2_1.event.GetEventRequest;
import com.envisioniot.enos.connect_service.v2_1.event.GetEventResponse;
import com.envisioniot.enos.connect_service.v2_1.event.SearchEventRequest;
import com.envisioniot.enos.connect_service.v2_1.event.SearchEventResponse;
import com.envisioniot.enos.connect_service.v2_1.product.CreateProductRequest;
import com.envisioniot.enos.connect_service.v2_1.product.CreateProductResponse;
import com.envisioniot.enos.connect_service.v2_1.product.DeleteProductRequest;
import com.envisioniot.enos.connect_service.v2_1.product.DeleteProductResponse;
import com.envisioniot.enos.connect_service.v2_1.product.GetProductRequest;
import com.envisioniot.enos.connect_service.v2_1.product.GetProductResponse;
import com.envisioniot.enos.connect_service.v2_1.product.SearchProductRequest;
import com.envisioniot.enos.connect_service.v2_1.product.SearchProductResponse;
import com.envisioniot.enos.connect_service.v2_1.product.UpdateProductRequset;
import com.envisioniot.enos.connect_service.v2_1.product.UpdateProductResponse;
import com.envisioniot.enos.connect_service.v2_1.service.CancelCommandRequest;
import com.envisioniot.enos.connect_service.v2_1.service.CancelCommandResponse;
import com.envisioniot.enos.connect_service.v2_1.service.GetCommandRequest;
import com.envisioniot.enos.connect_service.v2_1.service.GetCommandResponse;
import com.envisioniot.enos.connect_service.v2_1.service.InvokeServiceRequest;
import com.envisioniot.enos.connect_service.v2_1.service.InvokeServiceResponse;
import com.envisioniot.enos.connect_service.v2_1.service.SearchCommandRequest;
import com.envisioniot.enos.connect_service.v2_1.service.SearchCommandResponse;
import com.envisioniot.enos.connect_service.v2_1.service.SetMeasruepointRequest;
import com.envisioniot.enos.connect_service.v2_1.service.SetMeasruepointResponse;
import com.envisioniot.enos.connect_service.vo.Device;
import com.envisioniot.enos.connect_service.vo.DeviceIdentifier;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Connection service request classes: products, devices, topology, commands, events and certificates. */
final class DeviceFlow {

    private static final String TURBINE_MODEL = "EnOS_Wind_Turbine";
    private static final String CSR = "-----BEGIN NEW CERTIFICATE REQUEST-----\nMIICpzCCAY8CAQAwsdk\n"
            + "-----END NEW CERTIFICATE REQUEST-----\n";

    private final Sdk sdk;

    DeviceFlow(Sdk sdk) {
        this.sdk = sdk;
    }

    void productsAndDevices() {
        String productKey = createProduct(false);
        GetProductRequest getProduct = new GetProductRequest();
        getProduct.setOrgId(sdk.orgId());
        getProduct.setProductKey(productKey);
        assertEquals("SDK product", sdk.ok(getProduct, GetProductResponse.class).getData().getProductName().getDefaultValue());

        UpdateProductRequset updateProduct = new UpdateProductRequset();
        updateProduct.setOrgId(sdk.orgId());
        updateProduct.setProductKey(productKey);
        updateProduct.setProductDesc("changed by the SDK");
        sdk.ok(updateProduct, UpdateProductResponse.class);
        assertEquals("changed by the SDK", sdk.ok(getProduct, GetProductResponse.class).getData().getProductDesc());

        SearchProductRequest searchProducts = new SearchProductRequest();
        searchProducts.setOrgId(sdk.orgId());
        searchProducts.setExpression("productKey = '" + productKey + "'");
        assertEquals(1, sdk.ok(searchProducts, SearchProductResponse.class).getData().size());

        String assetId = devices(productKey);

        DeleteProductRequest deleteProduct = new DeleteProductRequest();
        deleteProduct.setOrgId(sdk.orgId());
        deleteProduct.setProductKey(productKey);
        sdk.ok(deleteProduct, DeleteProductResponse.class);
        sdk.fails(11611, getProduct, GetProductResponse.class);
        assertNotNull(assetId);
    }

    private String createProduct(boolean biDirectional) {
        CreateProductRequest create = new CreateProductRequest();
        create.setOrgId(sdk.orgId());
        create.setProductName(new StringI18n("SDK product"));
        create.setModelId(TURBINE_MODEL);
        create.setDataFormat("Json");
        create.setProductType("Device");
        create.setBiDirectionalAuth(biDirectional);
        create.setProductTags(Map.of("origin", "sdk"));
        String productKey = sdk.ok(create, CreateProductResponse.class).getData();
        assertNotNull(productKey, "create product answers the product key");
        return productKey;
    }

    /** create → get → update → search → disable → enable → replace → delete; answers the (deleted) asset id. */
    private String devices(String productKey) {
        String assetId = createDevice(productKey, "sdk-device-1");
        GetDeviceRequest get = new GetDeviceRequest();
        get.setOrgId(sdk.orgId());
        get.setAssetId(assetId);
        Device device = sdk.ok(get, GetDeviceResponse.class).getData();
        assertEquals("sdk-device-1", device.getDeviceKey());
        assertEquals("inactive", device.getStatus());

        UpdateDeviceRequest update = new UpdateDeviceRequest();
        update.setOrgId(sdk.orgId());
        update.setAssetId(assetId);
        update.setDeviceDesc("updated by the SDK");
        update.setDeviceTags(Map.of("origin", "sdk"));
        sdk.ok(update, UpdateDeviceResponse.class);
        assertEquals("updated by the SDK", sdk.ok(get, GetDeviceResponse.class).getData().getDeviceDesc());

        SearchDeviceRequest search = new SearchDeviceRequest();
        search.setOrgId(sdk.orgId());
        search.setExpression("productKey = '" + productKey + "'");
        search.setPagination(Sdk.firstPage(10));
        var found = sdk.ok(search, SearchDeviceResponse.class);
        assertEquals(1, found.getPagination().getTotalSize());
        assertEquals(assetId, found.getData().get(0).getAssetId());

        DisableDeviceRequest disable = new DisableDeviceRequest();
        disable.setOrgId(sdk.orgId());
        disable.setAssetId(assetId);
        sdk.ok(disable, DisableDeviceResponse.class);
        assertEquals("disable", sdk.ok(get, GetDeviceResponse.class).getData().getStatus());
        EnableDeviceRequest enable = new EnableDeviceRequest();
        enable.setOrgId(sdk.orgId());
        enable.setAssetId(assetId);
        sdk.ok(enable, EnableDeviceResponse.class);
        sdk.fails(11794, enable, EnableDeviceResponse.class);

        replace(get, device);

        DeleteDeviceRequest delete = new DeleteDeviceRequest();
        delete.setOrgId(sdk.orgId());
        delete.setAssetId(assetId);
        sdk.ok(delete, DeleteDeviceResponse.class);
        sdk.fails(99404, get, GetDeviceResponse.class);
        return assetId;
    }

    private String createDevice(String productKey, String deviceKey) {
        CreateDeviceRequest create = new CreateDeviceRequest();
        create.setOrgId(sdk.orgId());
        create.setProductKey(productKey);
        create.setDeviceKey(deviceKey);
        create.setDeviceName(new StringI18n("SDK device"));
        create.setTimezone("+08:00");
        var created = sdk.ok(create, CreateDeviceResponse.class).getData();
        assertEquals(deviceKey, created.getDeviceKey());
        assertNotNull(created.getDeviceSecret(), "create device answers the secret");
        return created.getAssetId();
    }

    /** Replace device answers the new key and a new secret (the docs); the device is inactive again. */
    private void replace(GetDeviceRequest get, Device before) {
        ReplaceDeviceRequest replace = new ReplaceDeviceRequest();
        replace.setOrgId(sdk.orgId());
        replace.setAssetId(before.getAssetId());
        replace.setNewDeviceKey("sdk-device-1-replaced");
        var result = sdk.ok(replace, ReplaceDeviceResponse.class).getData();
        assertNotNull(result, "replace device answers {assetId, productKey, deviceKey, deviceSecret}");
        assertEquals(before.getAssetId(), result.getAssetId());
        assertEquals(before.getProductKey(), result.getProductKey());
        assertEquals("sdk-device-1-replaced", result.getDeviceKey());
        assertNotEquals(before.getDeviceSecret(), result.getDeviceSecret(), "a new secret");
        Device after = sdk.ok(get, GetDeviceResponse.class).getData();
        assertEquals(result.getDeviceSecret(), after.getDeviceSecret());
        assertEquals("inactive", after.getStatus());
    }

    void topology() {
        Device gateway = firstDevice("productType = 'Gateway'");
        Device sub = firstDevice("modelId = '" + TURBINE_MODEL + "'");
        GetGatewayRequest getGateway = new GetGatewayRequest();
        getGateway.setOrgId(sdk.orgId());
        getGateway.setSubDevice(new DeviceIdentifier(sub.getProductKey(), sub.getDeviceKey()));
        Device current = sdk.ok(getGateway, GetGatewayResponse.class).getData();
        assertNotNull(current, "a generated turbine hangs under its site's meter");

        RemoveSubDeviceRequest remove = new RemoveSubDeviceRequest();
        remove.setOrgId(sdk.orgId());
        remove.setGateway(new DeviceIdentifier(current.getAssetId(), null, null));
        remove.setSubDevices(List.of(new DeviceIdentifier(sub.getAssetId(), null, null)));
        sdk.ok(remove, RemoveSubDeviceResponse.class);
        assertEquals(null, sdk.ok(getGateway, GetGatewayResponse.class).getData());

        AddSubDeviceRequest add = new AddSubDeviceRequest();
        add.setOrgId(sdk.orgId());
        add.setGateway(new DeviceIdentifier(gateway.getAssetId(), null, null));
        add.setSubDevices(List.of(new DeviceIdentifier(sub.getAssetId(), null, null)));
        sdk.ok(add, AddSubDeviceResponse.class);
        assertEquals(gateway.getAssetId(), sdk.ok(getGateway, GetGatewayResponse.class).getData().getAssetId());

        SearchSubDeviceRequest subs = new SearchSubDeviceRequest();
        subs.setOrgId(sdk.orgId());
        subs.setGateway(new DeviceIdentifier(gateway.getAssetId(), null, null));
        subs.setPagination(Sdk.firstPage(200));
        assertTrue(sdk.ok(subs, SearchSubDeviceResponse.class).getData().stream()
                .anyMatch(d -> d.getAssetId().equals(sub.getAssetId())));
    }

    void commandsAndEvents() {
        Device turbine = firstDevice("modelId = '" + TURBINE_MODEL + "' and status = 'online'");
        SetMeasruepointRequest set = new SetMeasruepointRequest();
        set.setOrgId(sdk.orgId());
        set.setAssetId(turbine.getAssetId());
        set.setMeasurepointId("WTG.Status");
        set.setValue(1);
        assertNotNull(sdk.ok(set, SetMeasruepointResponse.class).getData(), "the command's info");

        InvokeServiceRequest invoke = new InvokeServiceRequest();
        invoke.setOrgId(sdk.orgId());
        invoke.setAssetId(turbine.getAssetId());
        invoke.setServiceId("restart");
        invoke.setPendingTtl(600L);
        invoke.setInputData(Map.of());
        assertNotNull(sdk.ok(invoke, InvokeServiceResponse.class).getData(), "the command's info");

        SearchCommandRequest search = new SearchCommandRequest();
        search.setOrgId(sdk.orgId());
        search.setAssetId(turbine.getAssetId());
        search.setExpression("state = 1");
        var pending = sdk.ok(search, SearchCommandResponse.class).getData();
        assertEquals(1, pending.size());
        String commandId = pending.get(0).getCommandId();

        GetCommandRequest get = new GetCommandRequest();
        get.setOrgId(sdk.orgId());
        get.setAssetId(turbine.getAssetId());
        get.setCommandId(commandId);
        assertEquals("restart", sdk.ok(get, GetCommandResponse.class).getData().getTslIdentifier());

        CancelCommandRequest cancel = new CancelCommandRequest();
        cancel.setOrgId(sdk.orgId());
        cancel.setAssetId(turbine.getAssetId());
        cancel.setCommandId(commandId);
        var cancelled = sdk.ok(cancel, CancelCommandResponse.class).getData();
        assertEquals(commandId, cancelled.get(0).getCommandId());
        assertEquals(2, sdk.ok(get, GetCommandResponse.class).getData().getState());
        events();
    }

    private void events() {
        SearchEventRequest search = new SearchEventRequest();
        search.setOrgId(sdk.orgId());
        search.setPagination(Sdk.firstPage(5));
        var events = sdk.ok(search, SearchEventResponse.class).getData();
        assertFalse(events.isEmpty(), "the fleet's devices had events last week");

        GetEventRequest get = new GetEventRequest();
        get.setOrgId(sdk.orgId());
        get.setEventId(events.get(0).getEventId());
        var event = sdk.ok(get, GetEventResponse.class).getData();
        assertEquals(events.get(0).getAssetId(), event.getAssetId());
        assertEquals(events.get(0).getTslEventKey(), event.getTslEventKey());
    }

    /** The SDK's certificate calls (orgId and the device in the body): apply → get → revoke. */
    void certificates() {
        Device turbine = firstDevice("modelId = '" + TURBINE_MODEL + "'");
        Device named = new Device();
        named.setProductKey(turbine.getProductKey());
        named.setDeviceKey(turbine.getDeviceKey());

        ApplyCertificateRequest apply = new ApplyCertificateRequest();
        apply.setOrgId(sdk.orgId());
        apply.setDevice(named);
        apply.setCsr(CSR);
        var cert = sdk.ok(apply, ApplyCertificateResponse.class).getData();
        assertTrue(cert.getCert().startsWith("-----BEGIN CERTIFICATE-----"));

        GetCertificatesRequest get = new GetCertificatesRequest();
        get.setOrgId(sdk.orgId());
        get.setDevice(named);
        var statuses = sdk.ok(get, GetCertificatesResponse.class).getData();
        assertEquals(cert.getCertSN(), statuses.get(0).getCertSN());
        assertEquals(0, statuses.get(0).getCertStatus());

        RevokeCertificateRequest revoke = new RevokeCertificateRequest();
        revoke.setOrgId(sdk.orgId());
        revoke.setDevice(named);
        revoke.setCertSN(cert.getCertSN());
        sdk.ok(revoke, RevokeCertificatesResponse.class);
        assertEquals(1, sdk.ok(get, GetCertificatesResponse.class).getData().get(0).getCertStatus());

        Device unknown = new Device();
        unknown.setAssetId("noSuchDevice");
        get.setDevice(unknown);
        sdk.fails(11404, get, GetCertificatesResponse.class);
    }

    private Device firstDevice(String expression) {
        SearchDeviceRequest search = new SearchDeviceRequest();
        search.setOrgId(sdk.orgId());
        search.setExpression(expression);
        search.setPagination(Sdk.firstPage(1));
        List<Device> found = sdk.ok(search, SearchDeviceResponse.class).getData();
        assertFalse(found.isEmpty(), "a device with " + expression);
        return found.get(0);
    }
}
