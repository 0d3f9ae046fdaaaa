package io.wafleet.gateway.login;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.Login;
import io.wafleet.common.command.LoginWithCode;
import io.wafleet.common.command.LoginWithToken;
import io.wafleet.common.command.Logout;
import io.wafleet.common.command.Reconnect;
import io.wafleet.common.event.Reply;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.account.AccountView;
import io.wafleet.gateway.auth.Audit;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.kafka.ReplyClient;
import io.wafleet.gateway.qr.QrStore;
import io.wafleet.gateway.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

@Service
class LoginService {

    record QrLogin(String qrLink, int qrDuration, String qrCode) {
    }

    record PairCode(String pairCode) {
    }

    /** How long a QR stays valid when the worker did not say. */
    private static final int DEFAULT_QR_SECONDS = 60;

    private final AccountStore accounts;
    private final ReplyClient replies;
    private final QrStore qrCodes;
    private final Audit audit;
    private final CommandPublisher publisher;

    LoginService(AccountStore accounts, ReplyClient replies, QrStore qrCodes, Audit audit, CommandPublisher publisher) {
        this.accounts = accounts;
        this.replies = replies;
        this.qrCodes = qrCodes;
        this.audit = audit;
        this.publisher = publisher;
    }

    /** Starts a QR login; {@code requestUri} gives the scheme and host the {@code qr_link} is built on. */
    Mono<QrLogin> loginWithQr(AccountId account, URI requestUri) {
        return accounts.require(account).flatMap(LoginService::byQrOrCode)
                .then(replies.call(replyTo -> new Login(MessageIds.newCommandId(), account, Command.SCHEMA_VERSION, replyTo)))
                .flatMap(reply -> {
                    if (reply.qrCode() == null || reply.qrCode().isEmpty()) {
                        return Mono.error(noLoginStarted(reply));
                    }
                    int seconds = reply.qrDuration() != null && reply.qrDuration() > 0 ? reply.qrDuration() : DEFAULT_QR_SECONDS;
                    return qrCodes.save(account, reply.qrCode(), Duration.ofSeconds(seconds))
                            .map(token -> new QrLogin(qrLink(requestUri, token), seconds, reply.qrCode()));
                })
                .flatMap(login -> audit.record("login.qr_started", "account " + account).thenReturn(login));
    }

    Mono<PairCode> loginWithCode(AccountId account, String phoneNumber) {
        return accounts.require(account).flatMap(LoginService::byQrOrCode)
                .then(replies.call(replyTo -> new LoginWithCode(MessageIds.newCommandId(), account,
                        Command.SCHEMA_VERSION, phoneNumber, replyTo)))
                .flatMap(reply -> reply.pairCode() == null || reply.pairCode().isEmpty()
                        ? Mono.error(noLoginStarted(reply))
                        : Mono.just(new PairCode(reply.pairCode())))
                .flatMap(code -> audit.record("login.code_started", "account " + account).thenReturn(code));
    }

    /**
     * Logs a Cloud API account in with its stored access token, first replaced by {@code newAccessToken}
     * when given (a rotation; the workers are told the account changed). A token Meta refuses comes
     * back as the worker's refusal (see {@link ReplyClient#refusal}), never as a 5xx.
     */
    Mono<StatusResult> loginWithToken(AccountId account, String newAccessToken) {
        Mono<Void> rotation = newAccessToken == null ? Mono.empty()
                : accounts.replaceAccessToken(account, newAccessToken).then(publisher.configChanged(account, false));
        return accounts.require(account).flatMap(LoginService::byToken)
                .then(rotation)
                .then(replies.call(replyTo -> new LoginWithToken(MessageIds.newCommandId(), account,
                        Command.SCHEMA_VERSION, replyTo)))
                .flatMap(reply -> audit.record("login.token", "account " + account
                                + (newAccessToken == null ? "" : " (access token replaced)"))
                        .thenReturn(StatusResult.of(account, reply)));
    }

    Mono<StatusResult> logout(AccountId account) {
        return accounts.require(account)
                .then(replies.call(replyTo -> new Logout(MessageIds.newCommandId(), account, Command.SCHEMA_VERSION, replyTo)))
                .flatMap(reply -> audit.record("logout", "account " + account).thenReturn(StatusResult.of(account, reply)));
    }

    Mono<StatusResult> reconnect(AccountId account) {
        return accounts.require(account)
                .then(replies.call(replyTo -> new Reconnect(MessageIds.newCommandId(), account, Command.SCHEMA_VERSION, replyTo)))
                .map(reply -> StatusResult.of(account, reply));
    }

    static String qrLink(URI requestUri, String token) {
        return UriComponentsBuilder.fromUri(requestUri)
                .replacePath("/qr/" + token + ".png")
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
    }

    private static Mono<AccountView> byQrOrCode(AccountView account) {
        return account.logsInWithToken() ? Mono.error(unsupported("account '" + account.id() + "' uses transport "
                + account.transport() + ", which logs in with its access token: use POST /accounts/" + account.id()
                + "/login-with-token")) : Mono.just(account);
    }

    private static Mono<AccountView> byToken(AccountView account) {
        return account.logsInWithToken() ? Mono.just(account) : Mono.error(unsupported("account '" + account.id()
                + "' uses transport " + account.transport() + ", which logs in by QR code or pairing code: use POST /accounts/"
                + account.id() + "/login or /login-with-code"));
    }

    private static ApiException unsupported(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "UNSUPPORTED_FOR_TRANSPORT", message);
    }

    private static ApiException noLoginStarted(Reply reply) {
        String status = reply.status() == null ? "unknown" : reply.status().wireName();
        return ApiException.conflict("the session did not start a login (status: " + status + ")");
    }
}
