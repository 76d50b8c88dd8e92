package io.camelenos.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.nio.charset.StandardCharsets;

/**
 * Reads the text fields of a multipart/form-data body into a JSON object. EnOS's own v2.0 TSDB samples post their
 * parameters this way, so the emulator accepts it; file parts are kept as text too (the emulator stores no files).
 */
final class Multipart {

    private Multipart() {
    }

    static ObjectNode fields(String contentType, byte[] body) {
        ObjectNode result = Json.object();
        int at = contentType.indexOf("boundary=");
        if (at < 0) {
            throw ApiError.invalidArgument("body", "multipart body without boundary");
        }
        String boundary = "--" + contentType.substring(at + 9).replace("\"", "").trim();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            int nameAt = part.indexOf("name=\"");
            if (headerEnd < 0 || nameAt < 0 || nameAt > headerEnd) {
                continue;
            }
            String name = part.substring(nameAt + 6, part.indexOf('"', nameAt + 6));
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            result.put(name, value);
        }
        return result;
    }
}
