package io.wafleet.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every error, the framework's included (unknown route, wrong method, content type, body too
 * large, malformed JSON), into the envelope. It runs before Boot's own error handler. Messages never
 * repeat request bodies, so a secret sent in a bad request cannot leak back or into the log.
 */
@Component
@Order(-2)
class ErrorEnvelopeHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorEnvelopeHandler.class);
    /** The setting a Jackson limit's message names, of no use to a client. */
    private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(", from `[^`]*`");

    private final JsonMapper mapper;

    ErrorEnvelopeHandler(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Envelope body = toEnvelope(exchange.getRequest(), error);
        logIfServerSide(exchange.getRequest(), body, error);
        response.setStatusCode(HttpStatusCode.valueOf(body.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (error instanceof ApiException api && api.retryAfter() != null) {
            // whole seconds, rounded up: a client that waits that long finds the next permit
            long seconds = Math.max(1, (api.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        if (body.status() == 401) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wafleet\"");
        }
        byte[] bytes = mapper.writeValueAsBytes(body);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    static Envelope toEnvelope(ServerHttpRequest request, Throwable error) {
        if (error instanceof ApiException api) {
            return Envelope.error(api.status().value(), api.code(), api.getMessage());
        }
        if (causedBy(error, DataBufferLimitException.class)) {
            return Envelope.error(413, "the request body is too large; send a smaller body or file");
        }
        if (error instanceof MethodNotAllowedException e) {
            String allowed = e.getSupportedMethods().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return Envelope.error(405, request.getMethod() + " is not allowed on " + request.getPath()
                    + "; use " + allowed);
        }
        if (error instanceof UnsupportedMediaTypeStatusException e) {
            return unsupportedType(request, e.getSupportedMediaTypes());
        }
        if (error instanceof DecodingException e && !causedBy(e, JacksonException.class)) {
            // a multipart form a controller reads itself (getMultipartData) fails unwrapped; the parser's
            // messages say what is wrong (no boundary, too many parts, cut short), never the content
            return Envelope.error(400, "malformed multipart body: " + e.getMessage());
        }
        if (causedBy(error, InvalidMediaTypeException.class)) {
            // the request's own Content-Type is refused as 415 before this; what is left is a part's
            return Envelope.error(400, "malformed multipart body: a part's Content-Type is not a valid media type");
        }
        if (error instanceof ServerWebInputException e) {
            return Envelope.error(400, inputMessage(e));
        }
        if (error instanceof ErrorResponse e) {
            int status = e.getStatusCode().value();
            if (status == 415) {
                // form data sent to a JSON route: WebFlux refuses it without naming what is supported
                return unsupportedType(request, List.of());
            }
            String message = status == 404 ? "no route for " + request.getMethod() + " " + request.getPath()
                    : e.getBody().getDetail() != null ? e.getBody().getDetail() : "request failed";
            return Envelope.error(status, message);
        }
        return Envelope.error(500, "internal error; it has been logged");
    }

    private static Envelope unsupportedType(ServerHttpRequest request, List<MediaType> supportedTypes) {
        String supported = supportedTypes.isEmpty() ? "application/json"
                : supportedTypes.stream().map(MediaType::toString).collect(Collectors.joining(", "));
        // the header as sent: it may not even parse as a media type
        String sent = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        return Envelope.error(415, "Content-Type " + (sent == null ? "(none)" : sent)
                + " is not supported here; send " + supported);
    }

    private static String inputMessage(ServerWebInputException e) {
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            // says which limit (nesting depth, number or string length) without quoting the input
            return "the JSON body is over a limit: " + CONSTRAINT_SOURCE.matcher(limit.getOriginalMessage()).replaceAll("");
        }
        if (causedBy(e, DecodingException.class) || causedBy(e, JacksonException.class)) {
            return "malformed JSON body: " + jsonProblem(e);
        }
        String reason = e.getReason();
        if (reason != null && reason.contains("No request body")) {
            return "a JSON request body is required";
        }
        return reason != null ? reason : "bad request";
    }

    /**
     * Names the field and the line, never the offending value: Jackson's own messages quote the input,
     * which may be a secret.
     */
    private static String jsonProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                String field = jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."));
                if (!field.isEmpty()) {
                    return "field '" + field + "' has the wrong type or format";
                }
                if (jackson instanceof StreamReadException && jackson.getLocation() != null
                        && jackson.getLocation().getLineNr() > 0) {
                    return "not valid JSON at line " + jackson.getLocation().getLineNr() + ", column "
                            + jackson.getLocation().getColumnNr();
                }
            }
        }
        return "the body is not a JSON object of the expected shape";
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void logIfServerSide(ServerHttpRequest request, Envelope body, Throwable error) {
        if (body.status() == 503) {
            log.warn("{} {} answered 503: {}", request.getMethod(), request.getPath(), body.message());
        } else if (body.status() >= 500) {
            log.error("{} {} failed", request.getMethod(), request.getPath(), error);
        }
    }
}
