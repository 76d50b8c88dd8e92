package io.camelenos.app.api;

/** Input the update API refuses before calling EnOS; {@link #field()} names the offending field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
