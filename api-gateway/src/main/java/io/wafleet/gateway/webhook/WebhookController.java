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

@RestController
class WebhookController {

    private static final int MAX_SECRET_LENGTH = 512;

    /** The body of {@code POST /accounts/{id}/webhook}; its {@code toString} never shows the secret. */
    record WebhookRequest(String webhookUrl, String secret) {
        @Override
        public String toString() {
            return "WebhookRequest[webhookUrl=" + webhookUrl + ", secret=" + WebhookView.MASK + "]";
        }
    }

    private record ValidWebhook(AccountId account, URI url, String secret) {
    }

    private final AccountStore accounts;
    private final WebhookStore webhooks;
    private final CommandPublisher publisher;

    WebhookController(AccountStore accounts, WebhookStore webhooks, CommandPublisher publisher) {
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.publisher = publisher;
    }

    @PostMapping("/accounts/{id}/webhook")
    Mono<ResponseEntity<Envelope>> set(@PathVariable String id, @RequestBody WebhookRequest request) {
        return Mono.fromSupplier(() -> validate(id, request))
                .flatMap(valid -> accounts.require(valid.account())
                        .then(webhooks.save(valid.account(), valid.url(), valid.secret()))
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
        return new ValidWebhook(account, url, secret);
    }
}
