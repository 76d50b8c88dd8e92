package io.camelenos.component.catalog;

/**
 * One request parameter of an operation: the name on the wire, the endpoint option (and header) that supplies its
 * value, and whether a comma-separated option value is sent as a JSON array.
 *
 * @param wireName name in the query string or JSON body
 * @param option   endpoint option name, e.g. {@code pointIds} for the wire name {@code measurepoints}
 * @param array    split a comma-separated value into a JSON array (body parameters only)
 */
public record ParameterSpec(String wireName, String option, boolean array) {

    /** Parses the catalogue notation {@code wire}, {@code wire=option} and a trailing {@code []}. */
    public static ParameterSpec parse(String spec) {
        boolean array = spec.endsWith("[]");
        String text = array ? spec.substring(0, spec.length() - 2) : spec;
        int eq = text.indexOf('=');
        return eq < 0
                ? new ParameterSpec(text, text, array)
                : new ParameterSpec(text.substring(0, eq), text.substring(eq + 1), array);
    }
}
