package io.camelenos.component.catalog;

/**
 * The user credential an operation sends in its {@code Authorization} header, on top of the app's signed access
 * token (reference §1.D).
 */
public enum UserAuth {
    /** No Authorization header: the app's access token and signature are all the call needs. */
    NONE,
    /** {@code Authorization: Bearer <session id>} of an IAM login ({@code enos-iam-service/v2.0/login}). */
    IAM,
    /** {@code Authorization: Bearer <accessToken>} of an App Portal login ({@code app-portal-service/v2.0/login}). */
    PORTAL,
    /** {@code Authorization: Bearer <the app's APIM access token>}, as the Data Federation and Stream docs list. */
    APP_TOKEN
}
