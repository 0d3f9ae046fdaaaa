package io.wafleet.infra.rekey;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.MasterKey;
import io.wafleet.common.crypto.MasterKeySettings;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * {@code java -jar wafleet.jar rekey}: seals every session credential and webhook secret in
 * {@code MONGODB_URI} again under the current master key, reading older records with the previous
 * keys. The keys are configured as for the services: {@code WAFLEET_MASTER_KEY} (else
 * {@code $WAFLEET_DATA_DIR/master.key}, which must exist: a new key would open nothing) and
 * {@code WAFLEET_MASTER_KEYS_PREVIOUS}. Prints what it changed; exits 1 if a record opened with none
 * of the keys (it is left as it was).
 */
public final class RekeyCommand {

    static final String DEFAULT_MONGODB_URI = "mongodb://127.0.0.1:27017/wafleet";

    private RekeyCommand() {
    }

    /** Runs with the settings in {@code env}; answers the process exit code. */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        MasterKeySettings settings = new MasterKeySettings(env.get("WAFLEET_MASTER_KEY"),
                env.get("WAFLEET_MASTER_KEYS_PREVIOUS"), env.get("WAFLEET_DATA_DIR"), true);
        if (blank(settings.masterKey()) && !Files.exists(settings.dataDirPath().resolve(MasterKey.FILE_NAME))) {
            err.println("rekey: no master key: set WAFLEET_MASTER_KEY (and WAFLEET_MASTER_KEYS_PREVIOUS), or WAFLEET_DATA_DIR"
                    + " to the data directory holding master.key (" + settings.dataDirPath().toAbsolutePath().normalize() + " has none)");
            return 2;
        }
        KeyRing keys;
        try {
            keys = KeyRing.load(settings);
        } catch (IllegalStateException e) {
            err.println("rekey: " + e.getMessage());
            return 2;
        }
        ConnectionString uri = new ConnectionString(blank(env.get("MONGODB_URI")) ? DEFAULT_MONGODB_URI : env.get("MONGODB_URI"));
        String database = uri.getDatabase() == null ? "wafleet" : uri.getDatabase();
        out.println("rekey: sealing under master key " + keys.current().id() + ", reading with " + keys.ids());
        int changed = 0;
        int unreadable = 0;
        try (MongoClient client = MongoClients.create(uri)) {
            Rekey rekey = new Rekey(client.getDatabase(database), new SecretCipher(keys));
            for (SealedField field : SealedField.values()) {
                Rekey.Result result = rekey.run(field);
                out.printf("  %s: %d re-encrypted, %d already current, %d rewritten meanwhile, %d unreadable%n",
                        field.collection(), result.resealed(), result.current(), result.changed(), result.unreadable().size());
                result.unreadable().forEach(reason -> out.println("    unreadable " + reason));
                changed += result.resealed();
                unreadable += result.unreadable().size();
            }
        }
        out.println("rekey: " + changed + " record(s) re-encrypted under master key " + keys.current().id());
        return unreadable == 0 ? 0 : 1;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
