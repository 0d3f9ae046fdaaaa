package io.wafleet.webhook.delivery;

import io.wafleet.webhook.TestProperties;
import io.wafleet.webhook.endpoint.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    // Defaults: 1 s initial backoff, doubling, capped at 5 min, ±20 % jitter, 8 attempts.
    private final RetryPolicy lowest = new RetryPolicy(TestProperties.defaults(), () -> 0.0);
    private final RetryPolicy middle = new RetryPolicy(TestProperties.defaults(), () -> 0.5);
    private final RetryPolicy highest = new RetryPolicy(TestProperties.defaults(), () -> 0.999_999);

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void retriesServerErrorsTimeoutsAndRateLimits(int status) {
        assertThat(RetryPolicy.verdictFor(status)).isEqualTo(AttemptResult.Verdict.RETRYABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 410, 413, 422, 301, 302, 100})
    void doesNotRetryTheReceiversFinalAnswer(int status) {
        assertThat(RetryPolicy.verdictFor(status)).isEqualTo(AttemptResult.Verdict.FINAL);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void anyTwoHundredDelivers(int status) {
        assertThat(RetryPolicy.verdictFor(status)).isEqualTo(AttemptResult.Verdict.DELIVERED);
    }

    @Test
    void waitsGrowExponentiallyUpToTheCap() {
        assertThat(middle.backoff(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(middle.backoff(3, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(middle.backoff(4, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(middle.backoff(9, null)).isEqualTo(Duration.ofSeconds(128));
        assertThat(middle.backoff(20, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(middle.backoff(10_000, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterMovesEachWaitByAtMostItsShare() {
        assertThat(lowest.backoff(3, null)).isEqualTo(Duration.ofMillis(1_600));
        assertThat(highest.backoff(3, null)).isBetween(Duration.ofMillis(2_399), Duration.ofMillis(2_400));
        assertThat(highest.backoff(20, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void retryAfterIsTheShortestWaitUpToItsCap() {
        assertThat(lowest.backoff(2, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(highest.backoff(2, Duration.ofMillis(10))).isGreaterThan(Duration.ofMillis(1_000));
        assertThat(lowest.backoff(2, Duration.ofDays(3))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAccountsMaxAttemptsWinsOverTheGlobalOne() {
        assertThat(middle.maxAttempts(Endpoint.of("http://h/", "s"))).isEqualTo(8);
        assertThat(middle.maxAttempts(new Endpoint("http://h/", "s", null, 3, Map.of()))).isEqualTo(3);
    }

    @Test
    void theFirstAttemptHasTheShortTimeout() {
        assertThat(middle.timeoutFor(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(middle.timeoutFor(2)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aDeferralWaitsAtLeastTheCircuitsWait() {
        assertThat(lowest.deferral(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(highest.deferral(Duration.ofSeconds(30))).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(36));
    }
}
