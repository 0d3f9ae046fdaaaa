package io.wafleet.webhook.address;

import io.wafleet.common.webhook.WebhookAddresses;
import io.netty.resolver.AddressResolverGroup;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.netty.http.HttpResources;
import reactor.netty.transport.NameResolverProvider;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Where webhooks may point. A URL must be absolute http(s) with a host. Unless
 * {@code wafleet.webhook.allow-private-addresses} is true, its host must not be a refused address
 * (see {@link AddressRules}): an IP literal is checked here, a host name when the connection resolves
 * it ({@link #resolverGroup()}), so the address checked is the address connected to — a name that
 * resolves elsewhere on a second look (DNS rebinding) gains nothing.
 */
@Component
public class AddressGuard implements DisposableBean {

    private final boolean allowPrivate;
    private final AddressResolverGroup<InetSocketAddress> resolvers;

    public AddressGuard(WebhookWorkerProperties properties) {
        this.allowPrivate = properties.webhook().allowPrivateAddresses();
        this.resolvers = allowPrivate ? null : new PublicAddressResolverGroup(
                NameResolverProvider.builder().build().newNameResolverGroup(HttpResources.get(), true));
    }

    /**
     * The URL to POST to.
     *
     * @throws RefusedAddressException when it is not an absolute http(s) URL, or names a refused address
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedAddressException("webhook URL is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException("webhook URL must be http or https, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedAddressException("webhook URL has no host");
        }
        if (!allowPrivate) {
            checkLiteral(uri.getHost());
        }
        return uri;
    }

    /** The resolver connections must use: one that refuses private addresses, or null for the default. */
    public AddressResolverGroup<InetSocketAddress> resolverGroup() {
        return resolvers;
    }

    @Override
    public void destroy() {
        if (resolvers != null) {
            resolvers.close();
        }
    }

    private static void checkLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] literal = io.netty.util.NetUtil.createByteArrayFromIpAddressString(bare);
        if (literal == null) {
            return;
        }
        try {
            InetAddress address = InetAddress.getByAddress(literal);
            WebhookAddresses.refusal(address).ifPresent(kind -> {
                throw new RefusedAddressException(refused(host, address, kind));
            });
        } catch (java.net.UnknownHostException e) {
            throw new RefusedAddressException("webhook host " + host + " is not a valid address");
        }
    }

    static String refused(String host, InetAddress address, String kind) {
        return "webhook host " + host + " is " + kind + " address " + address.getHostAddress()
                + "; private addresses are refused (wafleet.webhook.allow-private-addresses=false)";
    }
}
