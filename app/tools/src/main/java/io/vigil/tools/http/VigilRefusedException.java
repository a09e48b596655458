package io.vigil.tools.http;

/**
 * Vigil refused the tool's API key ({@code 401}: none, unknown or revoked) or a scope the key lacks ({@code 403}).
 * Never retried: trying again cannot help. The message, one line, says what to do and shows only the key's prefix.
 */
public final class VigilRefusedException extends VigilUnavailableException {

    private VigilRefusedException(String message, int status) {
        super(message, status);
    }

    /** Whether an answer is a refusal of the key or its scope. */
    public static boolean refuses(int status) {
        return status == 401 || status == 403;
    }

    /**
     * The refusal of a request.
     *
     * @param status 401 or 403
     * @param request what was asked, such as {@code POST /api/v1/monitors}
     * @param body Vigil's answer, a problem whose detail names the scope missing
     * @param key the key the request carried
     */
    public static VigilRefusedException of(int status, String request, String body, ApiKey key) {
        String detail = VigilClient.detail(body);
        if (status == 403) {
            return new VigilRefusedException(
                    "Vigil refused " + request + " to the API key " + key + " (403" + detail + "); a key with the scope"
                            + " it needs: ./vigil api-key create NAME --scopes SCOPES",
                    status);
        }
        String which = key.present() ? "Vigil refused the API key " + key : "Vigil wants an API key and none was given";
        return new VigilRefusedException(
                which + " (" + status + detail + "): set VIGIL_API_KEY or --api-key"
                        + (key.present() ? " to a valid key" : "") + "; ./vigil api-key create NAME makes one",
                status);
    }
}
