package io.wafleet.gateway.auth;

import io.wafleet.gateway.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a request's key is read from, and which headers are refused as malformed. */
class AuthenticatorTest {

    private static final String KEY = "wfk_0123456789abcdef_c2VjcmV0";

    @Test
    void theKeyComesFromBearerApiKeyOrBasicAuth() {
        assertThat(Authenticator.presentedKey(headers(HttpHeaders.AUTHORIZATION, "Bearer " + KEY))).isEqualTo(KEY);
        assertThat(Authenticator.presentedKey(headers(HttpHeaders.AUTHORIZATION, "bearer   " + KEY))).isEqualTo(KEY);
        assertThat(Authenticator.presentedKey(headers("X-Api-Key", " " + KEY + " "))).isEqualTo(KEY);
        assertThat(Authenticator.presentedKey(headers(HttpHeaders.AUTHORIZATION, "Basic " + basic("admin:" + KEY)))).isEqualTo(KEY);
        // a password may hold colons; the user name may not
        assertThat(Authenticator.presentedKey(headers(HttpHeaders.AUTHORIZATION, "Basic " + basic("u:a:b")))).isEqualTo("a:b");
        assertThat(Authenticator.presentedKey(new HttpHeaders())).isNull();
    }

    @Test
    void aMalformedAuthorizationHeaderIsA401() {
        for (String malformed : new String[] {"Bearer", "Bearer ", "Token " + KEY, "Basic %%%", "Basic " + basic("user-only:"), KEY}) {
            assertThatThrownBy(() -> Authenticator.presentedKey(headers(HttpHeaders.AUTHORIZATION, malformed)))
                    .as(malformed)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(401));
        }
    }

    @Test
    void onlyKeysOfOurShapeAreLookedUp() {
        assertThat(ApiKeyStore.idOf(KEY)).isEqualTo("0123456789abcdef");
        assertThat(ApiKeyStore.idOf("wfk_0123456789ABCDEF_x")).isNull();
        assertThat(ApiKeyStore.idOf("wfk_0123456789abcdef")).isNull();
        assertThat(ApiKeyStore.idOf("wfk_0123456789abcdefx_y")).isNull();
        assertThat(ApiKeyStore.idOf("an-admin-key-of-some-length")).isNull();
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, value);
        return headers;
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
