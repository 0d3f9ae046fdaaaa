package io.wafleet.infra.rekey;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation: records written under key A (and webhook secrets from before sealing) are all under
 * key B after {@code rekey} runs with B current and A previous, and then open with B alone.
 */
class RekeyIT {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/wafleet";
    private final MongoClient client = MongoClients.create(uri);
    private final MongoDatabase database = client.getDatabase("wafleet");
    private final byte[] keyA = randomKey();
    private final byte[] keyB = randomKey();

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void rekeySealsEveryRecordUnderTheCurrentKeyAfterWhichThePreviousKeyIsNoLongerNeeded() {
        SecretCipher underA = new SecretCipher(KeyRing.of(keyA));
        store(SealedField.SESSION_CREDENTIALS, "alice", underA, "alice-login");
        store(SealedField.SESSION_CREDENTIALS, "bob", new SecretCipher(KeyRing.of(keyB)), "bob-login");
        store(SealedField.WEBHOOK_SECRET, "alice", underA, "alice-secret");
        database.getCollection("account_webhooks").insertOne(new Document("_id", "carol")
                .append("webhook_url", "https://example.com/carol").append("webhook_secret", "carol-secret"));

        Run rotation = rekey(Map.of("WAFLEET_MASTER_KEY", base64(keyB), "WAFLEET_MASTER_KEYS_PREVIOUS", base64(keyA)));

        assertThat(rotation.exitCode).isZero();
        assertThat(rotation.out).contains("session_credentials: 1 re-encrypted, 1 already current")
                .contains("account_webhooks: 2 re-encrypted, 0 already current")
                .contains("3 record(s) re-encrypted under master key " + KeyRing.of(keyB).current().id())
                .doesNotContain(base64(keyA)).doesNotContain(base64(keyB)).doesNotContain("alice-secret");
        SecretCipher onlyB = new SecretCipher(KeyRing.of(keyB));
        assertThat(opened(SealedField.SESSION_CREDENTIALS, "alice", onlyB)).isEqualTo("alice-login");
        assertThat(opened(SealedField.SESSION_CREDENTIALS, "bob", onlyB)).isEqualTo("bob-login");
        assertThat(opened(SealedField.WEBHOOK_SECRET, "alice", onlyB)).isEqualTo("alice-secret");
        assertThat(opened(SealedField.WEBHOOK_SECRET, "carol", onlyB)).isEqualTo("carol-secret");
        assertThat(database.getCollection("account_webhooks").find(new Document("_id", "carol")).first())
                .doesNotContainKey("webhook_secret").containsEntry("webhook_url", "https://example.com/carol");

        Run again = rekey(Map.of("WAFLEET_MASTER_KEY", base64(keyB)));
        assertThat(again.exitCode).isZero();
        assertThat(again.out).contains("0 record(s) re-encrypted");
    }

    @Test
    void aRecordUnderAKeyNotConfiguredIsReportedByIdAndLeftAsItWas() {
        store(SealedField.WEBHOOK_SECRET, "dave", new SecretCipher(KeyRing.of(keyA)), "dave-secret");
        Binary before = sealed(SealedField.WEBHOOK_SECRET, "dave");

        Run run = rekey(Map.of("WAFLEET_MASTER_KEY", base64(keyB)));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("1 unreadable").contains("unreadable dave: ").contains(KeyRing.of(keyA).current().id());
        assertThat(sealed(SealedField.WEBHOOK_SECRET, "dave")).isEqualTo(before);
    }

    @Test
    void withoutAKeyNoneIsCreatedAndNothingIsTouched() {
        Run run = rekey(Map.of());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("WAFLEET_MASTER_KEY");
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run rekey(Map<String, String> keys) {
        Map<String, String> env = new HashMap<>(keys);
        env.put("MONGODB_URI", uri);
        env.put("WAFLEET_DATA_DIR", dataDir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RekeyCommand.run(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void store(SealedField field, String id, SecretCipher cipher, String secret) {
        byte[] sealed = cipher.seal(secret.getBytes(StandardCharsets.UTF_8), field.associatedData(id));
        database.getCollection(field.collection()).insertOne(new Document("_id", id).append(field.field(), new Binary(sealed)));
    }

    private Binary sealed(SealedField field, String id) {
        return database.getCollection(field.collection()).find(new Document("_id", id)).first().get(field.field(), Binary.class);
    }

    private String opened(SealedField field, String id, SecretCipher cipher) {
        byte[] sealed = sealed(field, id).getData();
        assertThat(SecretCipher.keyIdOf(sealed)).hasValue(cipher.keys().current().id());
        return new String(cipher.open(sealed, field.associatedData(id)), StandardCharsets.UTF_8);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
