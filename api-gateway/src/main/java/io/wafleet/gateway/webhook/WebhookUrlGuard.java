package io.wafleet.gateway.webhook;

import io.wafleet.common.webhook.WebhookAddresses;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Refuses, when {@code wafleet.webhook.allow-private-addresses} is false, webhook URLs whose host is or
 * resolves to a non-public address (see {@link WebhookAddresses}). This is the check at configuration
 * time, so a caller learns at once; DNS can change later, so it does not replace the webhook worker's
 * own check when it connects.
 */
@Component
class WebhookUrlGuard {

    /** Resolves a host name or address literal to every address it stands for. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws Exception;
    }

    private final boolean allowPrivate;
    private final Duration timeout;
    private final Resolver resolver;

    @Autowired
    WebhookUrlGuard(GatewayProperties properties) {
        this(properties.webhook().allowPrivateAddresses(), properties.webhook().resolveTimeout(),
                InetAddress::getAllByName);
    }

    WebhookUrlGuard(boolean allowPrivate, Duration timeout, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.timeout = timeout;
        this.resolver = resolver;
    }

    /** The URL when it may be used, or a 400 that says why not. */
    Mono<URI> check(URI url) {
        if (allowPrivate) {
            return Mono.just(url);
        }
        String host = url.getHost();
        // resolving blocks (DNS): never on the event loop
        return Mono.fromCallable(() -> resolve(host))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout, Mono.error(() -> unresolvable(host,
                        "could not be resolved in time (" + timeout.toMillis() + " ms)")))
                .map(addresses -> {
                    if (addresses.isEmpty()) {
                        throw unresolvable(host, "does not resolve");
                    }
                    for (InetAddress address : addresses) {
                        Optional<String> kind = WebhookAddresses.refusal(address);
                        if (kind.isPresent()) {
                            throw ApiException.badRequest("webhook_url must not point at a private address: host "
                                    + host + (isLiteral(host) ? " is " : " resolves to ") + address.getHostAddress()
                                    + " (" + kind.get() + "); this deployment refuses such webhooks "
                                    + "(wafleet.webhook.allow-private-addresses=false)");
                        }
                    }
                    return url;
                });
    }

    /**
     * Every address of the host, none when it does not resolve. It never throws: a lookup that fails
     * after the timeout gave up on it has nobody left to tell.
     */
    private List<InetAddress> resolve(String host) {
        try {
            return List.of(resolver.resolve(host));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static ApiException unresolvable(String host, String why) {
        return ApiException.badRequest("webhook_url's host " + host + " " + why
                + "; use a host name that resolves to a public address");
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
