package io.wafleet.gateway.delivery;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

@RestController
@RequestMapping("/accounts/{id}/webhook/deliveries")
class DeliveryController {

    /** The optional body of a bulk redelivery; {@code outcome} defaults to {@code dead}. */
    record RedeliverAllRequest(String outcome) {
    }

    private final AccountStore accounts;
    private final DeliveryStore deliveries;
    private final RedeliveryService redelivery;
    private final JsonMapper json;

    DeliveryController(AccountStore accounts, DeliveryStore deliveries, RedeliveryService redelivery, JsonMapper json) {
        this.accounts = accounts;
        this.deliveries = deliveries;
        this.redelivery = redelivery;
        this.json = json;
    }

    @GetMapping
    Mono<ResponseEntity<Envelope>> list(@PathVariable String id, @RequestParam(required = false) String outcome,
                                        @RequestParam(required = false) String page,
                                        @RequestParam(required = false) String size) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> {
                    DeliveryQuery query = DeliveryQuery.of(outcome, page, size);
                    return accounts.require(account).then(deliveries.page(account, query));
                })
                .map(found -> Envelope.ok(found.total() + " deliveries of account " + id, found));
    }

    @GetMapping("/{eventId}")
    Mono<ResponseEntity<Envelope>> get(@PathVariable String id, @PathVariable String eventId) {
        return existing(id)
                .flatMap(account -> deliveries.find(account, eventId)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound(
                                "no delivery of event '" + eventId + "' for account " + id)))
                        .map(found -> new DeliveryDetail(DeliveryView.from(found), AttemptView.of(found), body(found))))
                .map(detail -> Envelope.ok("delivery of event " + eventId, detail));
    }

    @PostMapping("/{eventId}/redeliver")
    Mono<ResponseEntity<Envelope>> redeliver(@PathVariable String id, @PathVariable String eventId) {
        return existing(id)
                .flatMap(account -> redelivery.redeliver(account, eventId))
                .then(Mono.fromSupplier(() -> Envelope.accepted("event " + eventId + " queued for redelivery",
                        Map.of("event_id", eventId, "outcome", Outcome.PENDING.wireName()))));
    }

    @PostMapping("/redeliver")
    Mono<ResponseEntity<Envelope>> redeliverAll(@PathVariable String id,
                                                @RequestBody(required = false) RedeliverAllRequest request) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> {
                    Outcome outcome = request == null || request.outcome() == null ? Outcome.DEAD
                            : Outcome.parse(request.outcome(), "outcome", Outcome.DEAD, Outcome.FAILED);
                    return accounts.require(account).then(redelivery.redeliverAll(account, outcome));
                })
                .map(done -> Envelope.accepted(done.redelivered() + " " + done.outcome()
                        + " deliveries queued for redelivery" + (done.hasMore() ? "; more remain" : ""), done));
    }

    private Mono<AccountId> existing(String id) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> accounts.require(account).thenReturn(account));
    }

    /** The stored event, parsed; the raw text if it is not JSON (the log shows what was recorded). */
    private Object body(Document delivery) {
        if (!(delivery.get("body") instanceof String body)) {
            return null;
        }
        try {
            JsonNode parsed = json.readTree(body);
            return parsed == null || parsed.isMissingNode() ? body : parsed;
        } catch (JacksonException e) {
            return body;
        }
    }
}
