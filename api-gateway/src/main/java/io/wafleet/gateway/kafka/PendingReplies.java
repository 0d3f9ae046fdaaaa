package io.wafleet.gateway.kafka;

import io.wafleet.common.event.Reply;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The calls of this instance that wait for a session worker's reply, by correlation id. */
@Component
class PendingReplies {

    private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Reply> register(String correlationId) {
        return waiting.computeIfAbsent(correlationId, id -> new CompletableFuture<>());
    }

    /** Completes the waiting call; a reply nobody waits for any more (timed out) is dropped. */
    boolean complete(Reply reply) {
        CompletableFuture<Reply> future = waiting.remove(reply.correlationId());
        return future != null && future.complete(reply);
    }

    void forget(String correlationId) {
        waiting.remove(correlationId);
    }

    int size() {
        return waiting.size();
    }
}
