package io.wafleet.gateway.cloudapi;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.CloudApiInbound;
import io.wafleet.common.command.Command;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.crypto.SecretUnreadableException;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks Meta's calls to a Cloud API account's webhook and publishes what it sends. An unknown account,
 * one of another transport and a wrong token or signature get the same answer (403 for the handshake,
 * 401 for a notification): the endpoint is open, and must not tell which accounts exist.
 */
@Service
class CloudWebhookService {

    private static final Logger log = LoggerFactory.getLogger(CloudWebhookService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Meta's challenge is a number; anything much longer is not Meta's. */
    private static final int MAX_CHALLENGE = 256;

    private final AccountStore accounts;
    private final CommandPublisher publisher;

    CloudWebhookService(AccountStore accounts, CommandPublisher publisher) {
        this.accounts = accounts;
        this.publisher = publisher;
    }

    /** The verification handshake: the challenge, when the mode is {@code subscribe} and the verify token the account's. */
    Mono<String> verify(String accountId, String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE) {
            return Mono.error(refusedHandshake());
        }
        return settings(accountId)
                .filter(settings -> HubSignature.sameSecret(settings.verifyToken(), verifyToken))
                .map(settings -> challenge)
                .switchIfEmpty(Mono.error(CloudWebhookService::refusedHandshake));
    }

    /**
     * A notification: checked against the account's app secret, then published as a
     * {@code cloud_api.inbound} command whose id derives from the body, answered once Kafka acknowledged it.
     */
    Mono<Void> receive(String accountId, byte[] body, String signature) {
        return settings(accountId)
                .filter(settings -> HubSignature.matches(settings.appSecret(), body, signature))
                .switchIfEmpty(Mono.error(() -> ApiException.unauthorized(
                        "the " + HubSignature.HEADER + " signature is missing or does not match this webhook")))
                .flatMap(settings -> {
                    requireJsonObject(body);
                    return publisher.publish(new CloudApiInbound("cloud-" + sha256(body), AccountId.of(accountId),
                            Command.SCHEMA_VERSION, new String(body, StandardCharsets.UTF_8)));
                });
    }

    private Mono<CloudApiSettings> settings(String accountId) {
        if (!AccountId.isValid(accountId)) {
            return Mono.empty();
        }
        return accounts.cloudApiSettings(AccountId.of(accountId))
                .onErrorResume(SecretUnreadableException.class, e -> {
                    log.warn("the transport secrets of account {} do not open with the master keys: {}",
                            accountId, e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private static void requireJsonObject(byte[] body) {
        boolean object;
        try {
            object = JSON.readTree(body).isObject();
        } catch (JacksonException e) {
            object = false;
        }
        if (!object) {
            throw ApiException.badRequest("the webhook body must be a JSON object");
        }
    }

    private static ApiException refusedHandshake() {
        return new ApiException(HttpStatus.FORBIDDEN, "the verification request does not match this webhook");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
