package io.wafleet.webhook.endpoint;

import java.util.Objects;

/** A webhook to deliver to: its URL and the secret that signs each delivery. The secret never prints. */
public record Endpoint(String url, String secret) {

    public Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Endpoint[url=" + url + ", secret=***]";
    }
}
