package io.wafleet.gateway.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/** Framework errors reach clients in the envelope, with the status the seed's clients expect. */
class ErrorEnvelopeTest {

    private static AnnotationConfigApplicationContext context;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        context = new AnnotationConfigApplicationContext(Config.class);
        client = WebTestClient.bindToApplicationContext(context).build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void unknownRouteIs404() {
        expect(client.get().uri("/nowhere").exchange(), 404, "NOT_FOUND")
                .jsonPath("$.message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m).contains("/nowhere"));
    }

    @Test
    void wrongMethodIs405() {
        expect(client.delete().uri("/echo").exchange(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongContentTypeIs415() {
        expect(client.post().uri("/echo").contentType(MediaType.TEXT_PLAIN).bodyValue("hi").exchange(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheInput() {
        expect(client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"secret\": hunter2}").exchange(), 400, "BAD_REQUEST")
                .jsonPath("$.message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .startsWith("malformed JSON body").doesNotContain("hunter2"));
    }

    @Test
    void wrongFieldTypeNamesTheField() {
        expect(client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": \"a\", \"at\": \"not-a-time\"}").exchange(), 400, "BAD_REQUEST")
                .jsonPath("$.message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .contains("'at'").doesNotContain("not-a-time"));
    }

    @Test
    void missingBodyIs400() {
        expect(client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).exchange(), 400, "BAD_REQUEST");
    }

    @Test
    void tooLargeBodyIs413() {
        String big = "{\"text\": \"" + "x".repeat(4096) + "\"}";
        expect(client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange(),
                413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void apiExceptionKeepsItsStatusAndMessage() {
        expect(client.get().uri("/conflict").exchange(), 409, "CONFLICT").jsonPath("$.message").isEqualTo("taken");
    }

    @Test
    void aPreciseKindKeepsItsOwnCode() {
        expect(client.get().uri("/not-logged-in").exchange(), 409, "NOT_LOGGED_IN").jsonPath("$.message").isEqualTo("log in first");
    }

    @Test
    void unexpectedErrorIs500WithoutDetails() {
        expect(client.get().uri("/boom").exchange(), 500, "INTERNAL_ERROR")
                .jsonPath("$.message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .doesNotContain("database password"));
    }

    @Test
    void successUsesTheEnvelopeToo() {
        expect(client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"hi\"}")
                .exchange(), 200, "SUCCESS").jsonPath("$.results.text").isEqualTo("hi");
    }

    private static WebTestClient.BodyContentSpec expect(WebTestClient.ResponseSpec response, int status, String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.message").isNotEmpty();
    }

    record Echo(String text, Instant at) {
    }

    @RestController
    static class TestController {

        @PostMapping("/echo")
        Mono<org.springframework.http.ResponseEntity<Envelope>> echo(@RequestBody Echo echo) {
            return Mono.just(Envelope.ok("echo", echo));
        }

        @GetMapping("/conflict")
        Mono<?> conflict() {
            return Mono.error(ApiException.conflict("taken"));
        }

        @GetMapping("/not-logged-in")
        Mono<?> notLoggedIn() {
            return Mono.error(ApiException.notLoggedIn("log in first"));
        }

        @GetMapping("/boom")
        Mono<?> boom() {
            return Mono.error(new IllegalStateException("database password is wrong"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    static class Config implements WebFluxConfigurer {

        @Override
        public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
            configurer.defaultCodecs().maxInMemorySize(1024);
        }

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        }

        @Bean
        ErrorEnvelopeHandler errorEnvelopeHandler(JsonMapper mapper) {
            return new ErrorEnvelopeHandler(mapper);
        }

        @Bean
        TestController testController() {
            return new TestController();
        }
    }
}
