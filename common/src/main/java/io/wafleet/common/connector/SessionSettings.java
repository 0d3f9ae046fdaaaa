package io.wafleet.common.connector;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What an account's configuration asks of its session, whatever the transport: the outbound proxy
 * its connection goes through ({@code http://host:port} or {@code socks5://host:port}, with optional
 * {@code user:password@}), or none. The proxy may hold a password: {@link #toString()} shows only its
 * scheme, host and port.
 */
public record SessionSettings(URI proxy) {

    /** No proxy: the worker's own connection. */
    public static final SessionSettings DIRECT = new SessionSettings(null);

    private static final Set<String> PROXY_SCHEMES = Set.of("http", "socks5");

    public SessionSettings {
        if (proxy != null) {
            String scheme = proxy.getScheme() == null ? "" : proxy.getScheme().toLowerCase(Locale.ROOT);
            if (!PROXY_SCHEMES.contains(scheme) || proxy.getHost() == null || proxy.getPort() <= 0) {
                throw new IllegalArgumentException("a proxy is http://host:port or socks5://host:port");
            }
        }
    }

    /** The proxy's user and password ({@code user:password}), or null when it asks for none. */
    public String proxyUserInfo() {
        return proxy == null ? null : proxy.getUserInfo();
    }

    /** {@code socks5} or {@code http}; null without a proxy. */
    public String proxyType() {
        return proxy == null ? null : proxy.getScheme().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return proxy == null ? "SessionSettings[direct]"
                : "SessionSettings[" + proxyType() + "://" + proxy.getHost() + ":" + proxy.getPort() + "]";
    }
}
