package io.wafleet.session.connector.linked;

import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionSettings;

/**
 * The account's proxy as cobalt 0.0.10 can use it: its WhatsApp Web socket goes through an HTTP proxy
 * (CONNECT, with {@code user:password@} as Basic auth), not SOCKS. A SOCKS proxy is refused rather than
 * bypassed, so an account configured to go through a proxy never connects directly.
 */
final class LinkedDeviceProxies {

    private LinkedDeviceProxies() {
    }

    /** Why the settings cannot be used, or null. */
    static ConnectorException check(SessionSettings settings) {
        if ("socks5".equals(settings.proxyType())) {
            return new ConnectorException("proxy_not_supported",
                    "the linked-device connector goes through HTTP proxies only (cobalt 0.0.10 has no SOCKS support); "
                            + settings + " was not used");
        }
        return null;
    }

    /** A message naming the failure and the proxy's host and port (never its password). */
    static String unreachable(SessionSettings settings, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "WhatsApp Web could not be reached" + via(settings) + ": " + root.getClass().getSimpleName();
    }

    static String via(SessionSettings settings) {
        return settings.proxy() == null ? "" : " through the proxy " + settings.proxy().getHost() + ":" + settings.proxy().getPort();
    }
}
