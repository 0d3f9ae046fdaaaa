package io.wafleet.gateway.login;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Login, logout and reconnect take no body (any body sent is ignored), except login-with-code and
 * login-with-token, whose body is optional.
 */
@RestController
@RequestMapping("/accounts/{id}")
class LoginController {

    record LoginWithCodeRequest(String phoneNumber) {
    }

    /** {@code access_token}, when given, replaces the stored one before the login (a token rotation). */
    record LoginWithTokenRequest(String accessToken) {

        @Override
        public String toString() {
            return "LoginWithTokenRequest[" + (accessToken == null ? "stored token" : "new token") + "]";
        }
    }

    /** As {@code cloud_api.access_token} of {@code POST /accounts}. */
    private static final int MAX_ACCESS_TOKEN = 4096;

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping("/login")
    Mono<ResponseEntity<Envelope>> login(@PathVariable String id, ServerHttpRequest request) {
        return account(id)
                .flatMap(account -> logins.loginWithQr(account, request.getURI()))
                .map(qr -> Envelope.ok("scan the QR code with WhatsApp within " + qr.qrDuration() + " seconds", qr));
    }

    @PostMapping("/login-with-code")
    Mono<ResponseEntity<Envelope>> loginWithCode(@PathVariable String id, @RequestBody LoginWithCodeRequest request) {
        return account(id)
                .flatMap(account -> logins.loginWithCode(account,
                        Inputs.phoneNumber(request.phoneNumber(), "phone_number")))
                .map(code -> Envelope.ok("enter the pairing code on the phone: WhatsApp > Linked devices", code));
    }

    @PostMapping("/login-with-token")
    Mono<ResponseEntity<Envelope>> loginWithToken(@PathVariable String id,
                                                  @RequestBody(required = false) LoginWithTokenRequest request) {
        return account(id)
                .flatMap(account -> logins.loginWithToken(account, request == null || request.accessToken() == null
                        ? null : Inputs.text(request.accessToken(), "access_token", MAX_ACCESS_TOKEN)))
                .map(state -> Envelope.ok("account " + id + " logged in with its access token (status: "
                        + state.status() + ")", state));
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Envelope>> logout(@PathVariable String id) {
        return account(id).flatMap(logins::logout).map(state -> Envelope.ok("account " + id + " logged out", state));
    }

    @PostMapping("/reconnect")
    Mono<ResponseEntity<Envelope>> reconnect(@PathVariable String id) {
        return account(id).flatMap(logins::reconnect).map(state -> Envelope.ok("account " + id + " reconnecting", state));
    }

    private static Mono<AccountId> account(String id) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"));
    }
}
