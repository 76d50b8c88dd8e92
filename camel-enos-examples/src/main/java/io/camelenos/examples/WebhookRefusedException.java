package io.camelenos.examples;

/**
 * The webhook answered a status other than 2xx. Its message names the status only, never the URL: webhook URLs often
 * carry their secret in the path, and this message reaches logs and the dead-letter file.
 */
public class WebhookRefusedException extends RuntimeException {

    private final int status;

    public WebhookRefusedException(int status, String statusText) {
        super("HTTP " + status + (statusText == null || statusText.isBlank() ? "" : " " + statusText));
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
