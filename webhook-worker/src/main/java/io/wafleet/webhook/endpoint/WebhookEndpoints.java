package io.wafleet.webhook.endpoint;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.AccountId;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves the webhook an account's events go to, with the account's delivery policy. An account's own webhook wins; an account without
 * one falls back to the global webhook; with neither, the result is empty and the event is skipped.
 *
 * <p>Look-ups are cached for {@code wafleet.endpoints.cache-ttl} (absence included), so a burst of
 * events costs one MongoDB read. {@link #invalidate} drops an entry at once, also one still loading:
 * the load's late result is not put back.
 */
@Service
public class WebhookEndpoints {

    private final AccountWebhookStore store;
    private final WebhookWorkerProperties.Webhook global;
    private final AsyncCache<AccountId, Optional<Endpoint>> cache;
    private final Counter invalidations;

    WebhookEndpoints(AccountWebhookStore store, WebhookWorkerProperties properties, MeterRegistry meters) {
        this.store = store;
        this.global = properties.webhook();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.endpoints().cacheTtl())
                .maximumSize(properties.endpoints().cacheMaxSize())
                .buildAsync();
        this.invalidations = Counter.builder("wafleet.webhook.endpoint.invalidations")
                .description("Cached webhook look-ups dropped because the account's configuration changed")
                .register(meters);
    }

    /** The webhook for the account's events, or empty when there is none to deliver to. */
    public Mono<Endpoint> resolve(AccountId accountId) {
        return Mono.fromFuture(cache.get(accountId, (id, executor) -> load(id)), true)
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.fromSupplier(this::globalEndpoint));
    }

    /** Forgets what is cached for the account, so its next event reads MongoDB again. */
    public void invalidate(AccountId accountId) {
        cache.synchronous().invalidate(accountId);
        invalidations.increment();
    }

    private CompletableFuture<Optional<Endpoint>> load(AccountId accountId) {
        return store.find(accountId).map(Optional::of).defaultIfEmpty(Optional.empty()).toFuture();
    }

    private Endpoint globalEndpoint() {
        if (!global.hasGlobal()) {
            return null;
        }
        // a global URL comes with its secret: the worker does not start otherwise
        return Endpoint.of(global.globalUrl(), global.globalSecret());
    }
}
