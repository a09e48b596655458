package io.vigil.ingest.api;

/**
 * Where a client receives its webhooks and the secret they are signed with.
 *
 * @param url an absolute http or https URL
 * @param secret the HMAC-SHA256 key of the {@code Vigil-Signature} header
 */
public record SubmitterWebhook(String url, String secret) {

    @Override
    public String toString() {
        return "SubmitterWebhook[url=" + url + "]";
    }
}
