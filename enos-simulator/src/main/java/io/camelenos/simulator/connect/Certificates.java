package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Device certificates (Connection service v2.0): apply, renew, revoke and list. The emulator runs no CA: a
 * "certificate" is a PEM-framed text naming the device, the serial number and the validity; what the API checks
 * (device, bi-directional product, CSR framing, validity bounds, revoked or expired certificates) is real.
 */
final class Certificates {

    static final int DEFAULT_VALID_DAYS = 730;
    /** The product's maximum certificate validity (EnOS sets it per product; ours is fixed). */
    static final int MAX_VALID_DAYS = 3650;
    static final int VALID = 0;
    static final int REVOKED = 1;
    static final int EXPIRED = 2;
    private static final String CA_CERT = "-----BEGIN CERTIFICATE-----\n"
            + Base64.getEncoder().encodeToString("enos-simulator root CA".getBytes(StandardCharsets.UTF_8))
            + "\n-----END CERTIFICATE-----";

    private final Devices devices;
    private final SimClock clock;
    private final Map<String, List<ObjectNode>> byDevice = new ConcurrentHashMap<>();
    /** CSR text to the assetId it was issued for (11833 when another device presents it). */
    private final Map<String, String> csrOwner = new ConcurrentHashMap<>();
    private final AtomicLong serial = new AtomicLong(52_700);

    Certificates(Devices devices, SimClock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    // POST /connect-service/v2.0/certificates?action=apply&assetId|productKey+deviceKey , body {csr, validDay, issueAuthority}
    Object apply(SimRequest request) {
        ObjectNode device = requireDevice(request);
        JsonNode body = request.jsonObject();
        String csr = requireCsr(Json.text(body, "csr"), true);
        return issue(device, csr, body);
    }

    // POST ...?action=renew , body {certSn M, csr, validDay, issueAuthority}
    Object renew(SimRequest request) {
        ObjectNode device = requireDevice(request);
        JsonNode body = request.jsonObject();
        ObjectNode old = requireCert(device, body);
        validDay(body);
        authority(body);
        int status = status(old);
        if (status == REVOKED) {
            throw ApiError.invalidArgument("certSn", "The original certificate has been revoked and cannot be updated");
        }
        if (status == EXPIRED) {
            throw ApiError.invalidArgument("certSn", "The original certificate has expired and cannot be updated");
        }
        String csr = Json.text(body, "csr");
        csr = csr == null || csr.isBlank() ? old.path("csr").asText() : requireCsr(csr, false);
        old.put("certStatus", REVOKED).put("revoker", "IoT_Hub").put("revokerReason", "SUPERSEDED");
        csrOwner.remove(old.path("csr").asText());
        return issue(device, csr, body);
    }

    // POST ...?action=revoke , body {certSn M}
    Object revoke(SimRequest request) {
        ObjectNode device = requireDevice(request);
        ObjectNode cert = requireCert(device, request.jsonObject());
        if (status(cert) == REVOKED) {
            throw ApiError.invalidArgument("certSn", "Revoke cert is failed! the certificate is already revoked");
        }
        cert.put("certStatus", REVOKED).put("revoker", "IoT_Hub").put("revokerReason", "KEY COMPROMISE");
        csrOwner.remove(cert.path("csr").asText());
        return null;
    }

    // GET ...?action=list&assetId|productKey+deviceKey
    Object list(SimRequest request) {
        ObjectNode device = requireDevice(request);
        ArrayNode result = Json.array();
        List<ObjectNode> certs = byDevice.get(device.path("assetId").asText());
        if (certs != null) {
            synchronized (certs) {
                for (ObjectNode c : certs) {
                    ObjectNode copy = c.deepCopy();
                    copy.remove("csr");
                    copy.put("certStatus", status(c));
                    result.add(copy);
                }
            }
        }
        return result;
    }

    private ObjectNode issue(ObjectNode device, String csr, JsonNode body) {
        JsonNode product = devices.products().peek(device.path("productKey").asText());
        if (product == null || !product.path("biDirectionalAuth").asBoolean(false)) {
            throw ApiError.invalidArgument("productKey", "The product to which the device belongs to is not a "
                    + "product that supports bi-directional authorization");
        }
        int validDay = validDay(body);
        String authority = authority(body);
        String assetId = device.path("assetId").asText();
        String owner = csrOwner.putIfAbsent(csr, assetId);
        if (owner != null && !owner.equals(assetId)) {
            throw ApiError.of(11833, "Certificate is already bound to another device");
        }
        long now = clock.nowMillis();
        String sn = Long.toString(serial.incrementAndGet());
        String cert = "-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(
                ("sn=" + sn + ";device=" + assetId + ";days=" + validDay + ";alg=" + authority)
                        .getBytes(StandardCharsets.UTF_8)) + "\n-----END CERTIFICATE-----\n";
        ObjectNode stored = Json.object().put("certSN", sn).put("cert", cert).put("certStatus", VALID)
                .put("issuer", "EMAILADDRESS=ca@eniot.io, CN=EnOS " + (authority.equals("ECC") ? "ECC " : "")
                        + "CA, OU=EnOS CA, O=EnOS, L=Shanghai, ST=Shanghai, C=CN")
                .put("subject", "OU=EnOS, CN=" + device.path("deviceKey").asText() + ", O=EnOS, C=CN")
                .put("signDate", now).put("effetiveDate", now)
                .put("expireDate", now + validDay * 86_400_000L)
                .put("revoker", "").put("revokerReason", "").put("isEnosCert", true)
                .put("issueAuthority", authority).put("csr", csr);
        List<ObjectNode> certs = byDevice.computeIfAbsent(assetId, k -> new ArrayList<>());
        synchronized (certs) {
            certs.add(stored);
        }
        return Json.object().put("certChainURL", "https://sim.enos.local/enos/CA/cacert/" + authority)
                .put("caCert", CA_CERT).put("cert", cert).put("certSN", sn).put("issueAuthority", authority);
    }

    /** The device: assetId or productKey + deviceKey in the query (the docs), or a {@code device} struct in the body (the SDK). */
    private ObjectNode requireDevice(SimRequest request) {
        JsonNode device = request.jsonObject().get("device");
        if (device != null && device.isObject() && request.query("assetId") == null
                && request.query("productKey") == null) {
            return devices.require(Json.text(device, "assetId"), Json.text(device, "productKey"),
                    Json.text(device, "deviceKey"), "device.", 11404);
        }
        return devices.require(request.query("assetId"), request.query("productKey"), request.query("deviceKey"),
                "", 11404);
    }

    /**
     * The SDK's certificate calls carry orgId in the body, where the gateway does not look: checked here with the
     * gateway's codes (99400 missing, 99403 another org).
     */
    static SimRequest bodyOrg(SimRequest request, String orgId) {
        String given = request.param("orgId");
        if (given == null || given.isBlank()) {
            throw ApiError.missing("orgId");
        }
        if (!given.equals(orgId)) {
            throw ApiError.forbidden("orgId " + given);
        }
        return request;
    }

    private ObjectNode requireCert(ObjectNode device, JsonNode body) {
        String sn = Json.text(body, "certSn");
        if (sn == null) {
            sn = Json.text(body, "certSN");
        }
        if (sn == null || sn.isBlank()) {
            throw ApiError.missing("certSn");
        }
        if (!sn.matches("\\d+")) {
            throw ApiError.invalidArgument("certSn", "The serial number of the certificate is invalid: " + sn);
        }
        List<ObjectNode> certs = byDevice.get(device.path("assetId").asText());
        if (certs != null) {
            synchronized (certs) {
                for (ObjectNode c : certs) {
                    if (c.path("certSN").asText().equals(sn)) {
                        return c;
                    }
                }
            }
        }
        throw ApiError.invalidArgument("certSn", "The certificate list bound to the device does not have the "
                + "certificate " + sn + ", or the certificate is bound to other devices");
    }

    private int status(ObjectNode cert) {
        int status = cert.path("certStatus").asInt();
        if (status == VALID && cert.path("expireDate").asLong() <= clock.nowMillis()) {
            return EXPIRED;
        }
        return status;
    }

    private static String requireCsr(String csr, boolean required) {
        if (csr == null || csr.isBlank()) {
            if (required) {
                throw ApiError.missing("csr");
            }
            return null;
        }
        if (!csr.contains("-----BEGIN") || !csr.contains("REQUEST-----")) {
            throw ApiError.invalidArgument("csr", "Invalid cert request! message: the CSR is not in PEM format");
        }
        return csr.trim();
    }

    private static int validDay(JsonNode body) {
        String text = Json.text(body, "validDay");
        if (text == null || text.isBlank()) {
            return DEFAULT_VALID_DAYS;
        }
        int days;
        try {
            days = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidArgument("validDay", "not an integer: " + text);
        }
        if (days < 1) {
            throw ApiError.invalidArgument("validDay", "must be at least 1, was " + days);
        }
        if (days > MAX_VALID_DAYS) {
            throw ApiError.invalidArgument("validDay", "The specified validity period " + days
                    + " exceeds the maximum certificate validity period of the product (" + MAX_VALID_DAYS + ")");
        }
        return days;
    }

    private static String authority(JsonNode body) {
        String text = Json.text(body, "issueAuthority");
        if (text == null || text.isBlank()) {
            return "RSA";
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (!upper.equals("RSA") && !upper.equals("ECC")) {
            throw ApiError.invalidArgument("issueAuthority", "must be RSA or ECC, was " + text);
        }
        return upper;
    }
}
