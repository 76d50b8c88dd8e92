package io.camelenos.app;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Requests the app must refuse, each with the status it must answer (always with a JSON body naming the problem):
 * missing or wrong credentials, wrong media types and methods, unknown paths, bad {@code limit}s, control characters
 * in ids, queries and bodies, bad bodies, oversized bodies and URIs.
 */
final class BadRequests {

    /** One bad request: a name for the report, the request, the status expected. */
    record Case(String name, String method, String pathAndQuery, UnaryOperator<HttpRequest.Builder> extra,
                HttpRequest.BodyPublisher body, int status) {

        HttpRequest request(String baseUrl) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).method(method, body);
            return extra.apply(builder).build();
        }
    }

    private BadRequests() {
    }

    static List<Case> cases(String device, String writer, String reader) {
        List<Case> cases = new ArrayList<>();
        String asset = "/api/assets/" + device;
        String update = "{\"tags\": {\"region\": \"north\"}}";
        UnaryOperator<HttpRequest.Builder> json = b -> b.header("Content-Type", "application/json");
        UnaryOperator<HttpRequest.Builder> asWriter = b -> json.apply(b).header("Authorization", writer);
        UnaryOperator<HttpRequest.Builder> asReader = b -> b.header("Authorization", reader);

        // authentication and roles
        cases.add(new Case("PATCH without credentials", "PATCH", asset, json, body(update), 401));
        cases.add(new Case("PUT without credentials", "PUT", asset, json, body(update), 401));
        cases.add(new Case("PATCH with a wrong password", "PATCH", asset,
                b -> json.apply(b).header("Authorization", ConfiguredDeploymentIT.basic("ops-writer", "wrong-password-1")),
                body(update), 401));
        cases.add(new Case("PATCH by an unknown user", "PATCH", asset,
                b -> json.apply(b).header("Authorization", ConfiguredDeploymentIT.basic("mallory", "whatever-pass-1")),
                body(update), 401));
        cases.add(new Case("PATCH with a broken Authorization header", "PATCH", asset,
                b -> json.apply(b).header("Authorization", "Basic not-base64!"), body(update), 401));
        cases.add(new Case("PATCH by the reader", "PATCH", asset, b -> json.apply(asReader.apply(b)), body(update), 403));
        cases.add(new Case("data read without credentials", "GET", "/api/data/summary", b -> b, none(), 401));
        cases.add(new Case("data read with a wrong password", "GET", "/api/data/assets",
                b -> b.header("Authorization", ConfiguredDeploymentIT.basic("ops-reader", "wrong-password-2")), none(),
                401));
        // media types
        cases.add(new Case("PATCH text/plain", "PATCH", asset,
                b -> b.header("Authorization", writer).header("Content-Type", "text/plain"), body(update), 415));
        cases.add(new Case("PATCH form", "PATCH", asset, b -> b.header("Authorization", writer)
                .header("Content-Type", "application/x-www-form-urlencoded"), body("tags=x"), 415));
        cases.add(new Case("PUT text/plain", "PUT", asset,
                b -> b.header("Authorization", writer).header("Content-Type", "text/plain"), body(update), 415));
        cases.add(new Case("PATCH application/xml", "PATCH", asset,
                b -> b.header("Authorization", writer).header("Content-Type", "application/xml"), body("<a/>"), 415));
        cases.add(new Case("PATCH without Content-Type", "PATCH", asset, b -> b.header("Authorization", writer),
                body(update), 415));
        cases.add(new Case("summary as HTML", "GET", "/api/data/summary",
                b -> asReader.apply(b).header("Accept", "text/html"), none(), 406));
        cases.add(new Case("assets as XML", "GET", "/api/data/assets",
                b -> asReader.apply(b).header("Accept", "application/xml"), none(), 406));
        // methods
        cases.add(new Case("POST /q/metrics", "POST", "/q/metrics", b -> b, body("x"), 405));
        cases.add(new Case("DELETE /q/metrics", "DELETE", "/q/metrics", b -> b, none(), 405));
        cases.add(new Case("POST /q/health", "POST", "/q/health", b -> b, body("x"), 405));
        cases.add(new Case("PUT /q/health/ready", "PUT", "/q/health/ready", b -> b, body("x"), 405));
        cases.add(new Case("DELETE the summary", "DELETE", "/api/data/summary", asReader, none(), 405));
        cases.add(new Case("POST to the assets data", "POST", "/api/data/assets", b -> json.apply(asReader.apply(b)),
                body("{}"), 405));
        cases.add(new Case("DELETE an asset", "DELETE", asset, b -> b.header("Authorization", writer), none(), 405));
        cases.add(new Case("POST an asset", "POST", asset, asWriter, body(update), 405));
        // unknown paths
        cases.add(new Case("unknown path", "GET", "/nope", b -> b, none(), 404));
        cases.add(new Case("unknown data table", "GET", "/api/data/nope", asReader, none(), 404));
        cases.add(new Case("assets without id", "GET", "/api/assets", asReader, none(), 404));
        cases.add(new Case("unknown /q endpoint", "GET", "/q/nope", b -> b, none(), 404));
        // limit: ASCII digits from 1 to 1000 only
        for (String limit : new String[] {"1;DROP%20TABLE%20x", "%D9%A3", "%EF%BC%95", "%2B5", "0", "1001", "-1",
                "abc", "", "%205", "1e2", "99999999999"}) {
            cases.add(new Case("limit=" + limit, "GET", "/api/data/telemetry?limit=" + limit, asReader, none(), 400));
        }
        // control characters: in the id, the query and the body, refused before any log or EnOS sees them
        for (String id : new String[] {"a%0Ab", "a%0D%0AINFO%20forged", "a%00b", "a%C2%85b"}) {
            cases.add(new Case("asset id " + id, "PATCH", "/api/assets/" + id, asWriter, body(update), 400));
        }
        cases.add(new Case("query with LF", "GET", "/api/data/assets?x=%0Ay", asReader, none(), 400));
        cases.add(new Case("limit=1,2", "GET", "/api/data/assets?limit=1,2", asReader, none(), 400));
        cases.add(new Case("name with NUL", "PATCH", asset, asWriter, body("{\"name\": \"WTG\\u0000nul\"}"), 400));
        cases.add(new Case("description with LF", "PATCH", asset, asWriter,
                body("{\"description\": \"a\\nINFO forged\"}"), 400));
        cases.add(new Case("tag with CR LF", "PATCH", asset, asWriter, body("{\"tags\": {\"k\": \"v\\r\\n\"}}"), 400));
        cases.add(new Case("nested attribute with NUL", "PATCH", asset, asWriter,
                body("{\"attributes\": {\"x\": {\"y\": \"\\u0000\"}}}"), 400));
        cases.add(new Case("tag key with LF", "PATCH", asset, asWriter, body("{\"tags\": {\"k\\n\": \"v\"}}"), 400));
        // bodies
        cases.add(new Case("body not JSON", "PATCH", asset, asWriter, body("{"), 400));
        cases.add(new Case("body an array", "PATCH", asset, asWriter, body("[]"), 400));
        cases.add(new Case("body empty object", "PATCH", asset, asWriter, body("{}"), 400));
        cases.add(new Case("unknown field", "PATCH", asset, asWriter, body("{\"colour\": \"red\"}"), 400));
        cases.add(new Case("tag not a string", "PATCH", asset, asWriter, body("{\"tags\": {\"region\": 7}}"), 400));
        cases.add(new Case("empty body", "PATCH", asset, asWriter, body(""), 400));
        // sizes
        cases.add(new Case("2 MB body", "PATCH", asset, asWriter,
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]), 413));
        cases.add(new Case("chunked body", "PATCH", asset, asWriter,
                ConfiguredDeploymentIT.chunked(update.getBytes()), 411));
        cases.add(new Case("9000-character URI", "GET", "/api/data/assets?x=" + "y".repeat(9000), asReader, none(),
                414));
        return cases;
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static HttpRequest.BodyPublisher none() {
        return HttpRequest.BodyPublishers.noBody();
    }
}
