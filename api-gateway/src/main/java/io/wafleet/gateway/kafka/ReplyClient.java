package io.wafleet.gateway.kafka;

import io.wafleet.common.command.Command;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.event.Reply;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * Publishes a command that an HTTP call waits for and answers with the owning session worker's
 * {@link Reply}: 503 when no reply arrives in time, a 4xx when the reply carries an error (see {@link #refusal}).
 */
@Service
public class ReplyClient {

    private final CommandPublisher publisher;
    private final PendingReplies pending;
    private final InstanceId instance;
    private final Duration timeout;

    ReplyClient(CommandPublisher publisher, PendingReplies pending, InstanceId instance, GatewayProperties properties) {
        this.publisher = publisher;
        this.pending = pending;
        this.instance = instance;
        this.timeout = properties.gateway().replyTimeout();
    }

    /** {@code command} builds the command around the {@link ReplyTo} this call waits on. */
    public Mono<Reply> call(Function<ReplyTo, Command> command) {
        return Mono.defer(() -> {
            String correlationId = UUID.randomUUID().toString();
            // registered before publishing, so a fast reply cannot arrive before anyone waits for it
            var answer = pending.register(correlationId);
            return publisher.publish(command.apply(new ReplyTo(instance.value(), correlationId)))
                    .then(Mono.fromFuture(answer))
                    .timeout(timeout, Mono.error(() -> ApiException.timeout(
                            "no session worker answered within " + timeout.toSeconds() + "s; try again")))
                    .doFinally(signal -> pending.forget(correlationId));
        }).map(ReplyClient::checked);
    }

    private static Reply checked(Reply reply) {
        if (reply.ok()) {
            return reply;
        }
        String message = reply.message() != null && !reply.message().isBlank() ? reply.message() : reply.error();
        throw refusal(reply.error(), message);
    }

    /**
     * The answer to a worker's refusal: 409 for the state of the session (or a group changing under the
     * call: try again), 404 for a group that does not exist, 403 for a group the account is not in or not
     * an admin of (WhatsApp's own answer to both is "forbidden"); for a Cloud API login, 400
     * {@code INVALID_TOKEN} for an access token Meta refuses and 409 {@code UNREACHABLE} when the Graph API
     * could not be reached (try again); 400 for anything else.
     */
    static ApiException refusal(String error, String message) {
        return switch (error) {
            case "already_logged_in", "not_logged_in", "no_pending_login", "group_busy" -> ApiException.conflict(message);
            case "group_not_found" -> ApiException.notFound(message);
            case "invalid_token" -> new ApiException(HttpStatus.BAD_REQUEST, "INVALID_TOKEN", message);
            case "unreachable" -> new ApiException(HttpStatus.CONFLICT, "UNREACHABLE", message);
            case "not_member" -> ApiException.forbidden("NOT_GROUP_MEMBER", message);
            case "not_admin" -> ApiException.forbidden("NOT_GROUP_ADMIN", message);
            default -> ApiException.badRequest(message);
        };
    }
}
