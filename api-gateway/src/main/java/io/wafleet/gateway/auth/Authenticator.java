package io.wafleet.gateway.auth;

import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Finds the {@link Caller} of a request from the key it presents: {@code Authorization: Bearer <key>},
 * {@code X-Api-Key: <key>}, or HTTP basic auth with the key as the password (any user name), for clients
 * of go-whatsapp-web-multidevice, which offers basic auth. A key that is presented must be valid, even
 * when keys are off; a request without one is {@link Caller#OPEN} only when keys are off.
 */
@Component
class Authenticator {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final GatewayProperties.Auth auth;
    private final ApiKeyStore keys;
    private final byte[] adminKeyHash;

    Authenticator(GatewayProperties properties, ApiKeyStore keys) {
        this.auth = properties.auth();
        this.keys = keys;
        this.adminKeyHash = auth.keysOn() ? ApiKeyStore.sha256(auth.adminKey()) : null;
    }

    Mono<Caller> identify(HttpHeaders headers) {
        String presented;
        try {
            presented = presentedKey(headers);
        } catch (ApiException malformed) {
            return Mono.error(malformed);
        }
        if (presented == null) {
            return auth.keysOn()
                    ? Mono.error(ApiException.unauthorized("an API key is required: send it as 'Authorization: Bearer <key>'"
                            + " or 'X-Api-Key: <key>'"))
                    : Mono.just(Caller.OPEN);
        }
        // hashed once, for both comparisons; both sides hashed, so they take the same time whatever the lengths
        byte[] presentedHash = ApiKeyStore.sha256(presented);
        if (adminKeyHash != null && MessageDigest.isEqual(adminKeyHash, presentedHash)) {
            return Mono.just(Caller.ADMIN);
        }
        return keys.caller(presented, presentedHash)
                .switchIfEmpty(Mono.error(() -> ApiException.unauthorized("the API key is unknown or has been revoked")));
    }

    /** The key the request presents, or null; a malformed {@code Authorization} header is a 401. */
    static String presentedKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            String apiKey = headers.getFirst(API_KEY_HEADER);
            return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        String credentials = parts.length == 2 ? parts[1] : "";
        if (parts[0].equalsIgnoreCase("Bearer") && !credentials.isEmpty()) {
            return credentials;
        }
        if (parts[0].equalsIgnoreCase("Basic") && !credentials.isEmpty()) {
            return basicPassword(credentials);
        }
        throw ApiException.unauthorized("the Authorization header must be 'Bearer <key>' or 'Basic <base64 of user:key>'");
    }

    private static String basicPassword(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("the Authorization header's basic credentials are not valid base64");
        }
        String password = decoded.substring(decoded.indexOf(':') + 1);
        if (password.isEmpty()) {
            throw ApiException.unauthorized("basic auth needs the API key as its password");
        }
        return password;
    }
}
