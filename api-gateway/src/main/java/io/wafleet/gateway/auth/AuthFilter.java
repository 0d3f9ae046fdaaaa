package io.wafleet.gateway.auth;

import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.RateLimits;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Authenticates every API call before it reaches a route, takes a permit of the key's API budget, and
 * puts the {@link Caller} in the Reactor context, where {@link Access} checks its scope. Health,
 * the API description, the admin page's static files (it calls the API with a key) and login QR
 * images are open: a QR's URL is a random token that expires, and an {@code <img>} cannot send a key.
 * So is each Cloud API account's webhook ({@code /cloud-api/{account_id}/webhook} exactly, nothing else
 * under {@code /cloud-api/}): Meta sends no key, and the route checks Meta's verify token and signature.
 * The metrics ({@code /actuator/prometheus}) are the admin key's.
 */
@Component
@Order(-100)
class AuthFilter implements WebFilter {

    private static final List<String> OPEN_PREFIXES = List.of("/actuator/health", "/actuator/info", "/v3/api-docs",
            "/swagger-ui", "/webjars/", "/qr/", "/admin");
    /** Meta's webhook of a Cloud API account; the id's own rules are the route's to check. */
    private static final Pattern CLOUD_API_WEBHOOK = Pattern.compile("/cloud-api/[^/]+/webhook");
    /** The other operations endpoints ({@code /actuator/prometheus}): the admin key's, as the port is public. */
    private static final String OPERATIONS = "/actuator/";

    private final Authenticator authenticator;
    private final RateLimits budget;

    AuthFilter(Authenticator authenticator, GatewayProperties properties) {
        this.authenticator = authenticator;
        GatewayProperties.Limits limits = properties.limits();
        this.budget = new RateLimits(limits.requestsPerKey(), limits.requestPeriod(), "calls (wafleet.limits)");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (OPEN_PREFIXES.stream().anyMatch(path::startsWith) || CLOUD_API_WEBHOOK.matcher(path).matches()) {
            return chain.filter(exchange);
        }
        return authenticator.identify(exchange.getRequest().getHeaders())
                .doOnNext(this::takePermit)
                .flatMap(caller -> path.startsWith(OPERATIONS) && !caller.isAdmin()
                        ? Mono.error(ApiException.forbidden("FORBIDDEN", "only the admin key may read " + path))
                        : Mono.just(caller))
                .flatMap(caller -> chain.filter(exchange).contextWrite(context -> context.put(Caller.class, caller)));
    }

    private void takePermit(Caller caller) {
        if (caller.keyId() != null) {
            budget.take(caller.keyId(), "API key " + caller.keyId());
        }
    }
}
