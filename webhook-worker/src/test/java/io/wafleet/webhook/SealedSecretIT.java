package io.wafleet.webhook;

import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.common.event.Event;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.wafleet.webhook.Fixture.event;
import static io.wafleet.webhook.Signatures.assertSignedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Account webhook secrets at rest: the worker signs with the secret the gateway sealed, still reads one
 * stored in plaintext (before secrets were sealed) or sealed under the previous master key, and seals
 * those again under the current key.
 */
class SealedSecretIT extends WebhookWorkerITSupport {

    private static final String CURRENT_KEY_ID = KeyRing.of(Base64.getDecoder().decode(MASTER_KEY)).current().id();

    @Test
    void aSecretSealedByTheGatewaySignsTheDeliveriesAndStaysAsItWas() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            fleet.webhook("sealed-current", receiver.url(), "current-secret");
            Binary before = fleet.storedWebhook("sealed-current").get(SealedField.WEBHOOK_SECRET.field(), Binary.class);
            Event event = event("sealed-current");
            fleet.publish(event);

            await().atMost(PATIENCE).until(() -> receiver.received(event) != null);
            assertSignedWith(receiver.received(event), "current-secret");
            assertThat(fleet.storedWebhook("sealed-current").get(SealedField.WEBHOOK_SECRET.field(), Binary.class))
                    .isEqualTo(before);
        }
    }

    @Test
    void aPlaintextSecretFromBeforeSealingStillSignsAndIsSealedOnceRead() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            fleet.plaintextWebhook("sealed-legacy", receiver.url(), "legacy-secret");
            Event event = event("sealed-legacy");
            fleet.publish(event);

            await().atMost(PATIENCE).until(() -> receiver.received(event) != null);
            assertSignedWith(receiver.received(event), "legacy-secret");
            await().atMost(PATIENCE).untilAsserted(() -> assertSealedUnderTheCurrentKey("sealed-legacy", "legacy-secret"));
        }
    }

    @Test
    void aSecretSealedUnderThePreviousKeyStillSignsAndIsSealedAgainUnderTheCurrentOne() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            fleet.webhookSealedWith(PREVIOUS_KEY, "sealed-previous", receiver.url(), "previous-secret");
            Event event = event("sealed-previous");
            fleet.publish(event);

            await().atMost(PATIENCE).until(() -> receiver.received(event) != null);
            assertSignedWith(receiver.received(event), "previous-secret");
            await().atMost(PATIENCE).untilAsserted(() -> assertSealedUnderTheCurrentKey("sealed-previous", "previous-secret"));
        }
    }

    @Test
    void anEventWhoseSecretNoConfiguredKeyOpensIsDeadLetteredUnsentNamingTheKey() throws IOException {
        String unknownKey = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";
        String unknownId = KeyRing.of(Base64.getDecoder().decode(unknownKey)).current().id();
        try (Receiver receiver = Receiver.ok()) {
            fleet.webhookSealedWith(unknownKey, "sealed-unknown", receiver.url(), "unknown-secret");
            Event event = event("sealed-unknown");
            fleet.publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "dead")
                    .hasEntrySatisfying("last_error", error -> assertThat((String) error).contains(unknownId)
                            .contains("WAFLEET_MASTER_KEYS_PREVIOUS").doesNotContain(unknownKey)));
            assertThat(receiver.requests()).isEmpty();
        }
    }

    private void assertSealedUnderTheCurrentKey(String account, String secret) {
        Document stored = fleet.storedWebhook(account);
        assertThat(stored).doesNotContainKey(SealedField.WEBHOOK_SECRET.plaintextField());
        byte[] sealed = stored.get(SealedField.WEBHOOK_SECRET.field(), Binary.class).getData();
        assertThat(SecretCipher.keyIdOf(sealed)).hasValue(CURRENT_KEY_ID);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        SecretCipher currentOnly = new SecretCipher(KeyRing.of(Base64.getDecoder().decode(MASTER_KEY)));
        assertThat(new String(currentOnly.open(sealed, SealedField.WEBHOOK_SECRET.associatedData(account)),
                StandardCharsets.UTF_8)).isEqualTo(secret);
    }
}
