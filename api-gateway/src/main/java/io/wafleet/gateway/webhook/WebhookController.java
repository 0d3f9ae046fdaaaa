package io.wafleet.gateway.webhook;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;

@RestController
class WebhookController {

    private static final int MAX_SECRET_LENGTH = 512;

    /**
     * The body of {@code POST /accounts/{id}/webhook}: the seed's two fields, and an optional policy.
     * Its {@code toString} never shows the secret or header values (which often carry credentials).
     */
    record WebhookRequest(String webhookUrl, String secret, List<String> events, Number maxAttempts,
                          Map<String, String> headers) {
        @Override
        public String toString() {
            return "WebhookRequest[webhookUrl=" + webhookUrl + ", secret=" + WebhookView.MASK + ", events=" + events
                    + ", maxAttempts=" + maxAttempts + ", headers=" + (headers == null ? null : headers.keySet()) + "]";
        }
    }

    private record ValidWebhook(AccountId account, URI url, String secret, WebhookPolicy policy) {
    }

    private final AccountStore accounts;
    private final WebhookStore webhooks;
    private final WebhookUrlGuard guard;
    private final CommandPublisher publisher;

    WebhookController(AccountStore accounts, WebhookStore webhooks, WebhookUrlGuard guard, CommandPublisher publisher) {
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.guard = guard;
        this.publisher = publisher;
    }

    @PostMapping("/accounts/{id}/webhook")
    Mono<ResponseEntity<Envelope>> set(@PathVariable String id, @RequestBody WebhookRequest request) {
        return Mono.fromSupplier(() -> validate(id, request))
                .flatMap(valid -> accounts.require(valid.account())
                        .then(guard.check(valid.url()))
                        .then(webhooks.save(valid.account(), valid.url(), valid.secret(), valid.policy()))
                        .flatMap(view -> publisher.configChanged(valid.account(), false).thenReturn(view)))
                .map(view -> Envelope.ok("webhook of account " + id + " saved", view));
    }

    @GetMapping("/accounts/{id}/webhook")
    Mono<ResponseEntity<Envelope>> get(@PathVariable String id) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> accounts.require(account)
                        .then(webhooks.find(account).defaultIfEmpty(WebhookView.none(account.value()))))
                .map(view -> Envelope.ok("webhook of account " + id, view));
    }

    private static ValidWebhook validate(String id, WebhookRequest request) {
        AccountId account = Inputs.accountId(id, "account id");
        URI url = Inputs.httpUrl(request.webhookUrl(), "webhook_url");
        String secret = Inputs.text(request.secret(), "secret", MAX_SECRET_LENGTH);
        WebhookPolicy policy = WebhookPolicy.of(request.events(), request.maxAttempts(), request.headers());
        return new ValidWebhook(account, url, secret, policy);
    }
}
