package io.camelenos.app.status;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Neutralises text that came from outside (EnOS messages, exception messages, request values) before the status page
 * or an error body shows it: control characters (line breaks that would forge log or page lines) become spaces,
 * anything that looks like a credential ({@code token=...}, {@code appSecret: ...}, a bearer token) is masked, and
 * the text is cut to a readable length. The page also only ever inserts it as text, never as HTML.
 */
public final class SafeText {

    static final int MAX_LENGTH = 500;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)((?:access|refresh)?[_-]?token|secret|password|passwd|signature|apim-signature|app[_-]?secret"
            + "|authorization|encryption)(\"?\\s*[=:]\\s*\"?)(?:bearer\\s+)?[^\\s&,;\"}]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private SafeText() {
    }

    /** The text, safe to show; null stays null. */
    public static String of(String text) {
        return of(text, MAX_LENGTH);
    }

    /** The text, safe to show, at most {@code max} characters (an ellipsis marks a cut). */
    public static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        String safe = CONTROL.matcher(text).replaceAll(" ");
        safe = CREDENTIAL.matcher(safe).replaceAll("$1$2***");
        safe = BEARER.matcher(safe).replaceAll("$1***");
        safe = safe.strip();
        return safe.length() <= max ? safe : safe.substring(0, max - 1) + "…";
    }

    /** A URL without user info, query or fragment: where it points, never a credential given with it. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "(not a URL)";
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "(not a URL)";
        }
    }
}
