package io.wafleet.common.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys a process knows: the current one, which seals everything written from now on, and
 * earlier ones kept only to read what they sealed until it is sealed again under the current key.
 *
 * <p>A key's id is the first 8 hex digits of the SHA-256 of its 32 bytes: derived rather than
 * configured, so every process computes the same id from the same key and an id can never name the
 * wrong key ({@code base64 -d <<< "$WAFLEET_MASTER_KEY" | sha256sum | cut -c1-8} prints it). Four bytes
 * of a hash say nothing usable about a 256-bit random key; two different keys with one id are refused.
 */
public final class KeyRing {

    /** A master key and its id. Its {@code toString} shows the id only. */
    public record Key(String id, byte[] bytes) {

        public Key {
            if (bytes.length != MasterKey.KEY_BYTES) {
                throw new IllegalArgumentException("a master key must be 32 bytes");
            }
            bytes = bytes.clone();
        }

        static Key of(byte[] bytes) {
            return new Key(idOf(bytes), bytes);
        }

        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }

    private final Key current;
    private final Map<String, Key> byId = new LinkedHashMap<>();

    private KeyRing(Key current, List<Key> previous) {
        this.current = current;
        byId.put(current.id(), current);
        for (Key key : previous) {
            Key known = byId.putIfAbsent(key.id(), key);
            if (known != null && !Arrays.equals(known.bytes(), key.bytes())) {
                throw new IllegalStateException("two different master keys have the id " + key.id() + ": replace one");
            }
        }
    }

    /** A ring of the given keys: the first is current, the others are only read with. */
    public static KeyRing of(byte[] current, byte[]... previous) {
        return new KeyRing(Key.of(current), Arrays.stream(previous).map(Key::of).toList());
    }

    /**
     * The ring the settings describe: the configured key, else the data directory's key file (created
     * once, when allowed), plus the previous keys.
     *
     * @throws IllegalStateException when a key is malformed, or none is configured where a file is not allowed
     */
    public static KeyRing load(MasterKeySettings settings) {
        if (!settings.hasMasterKey() && !settings.keyFileAllowed()) {
            throw new IllegalStateException("WAFLEET_MASTER_KEY (wafleet.credentials.master-key) is required in this"
                    + " mode: set it to the base64 of 32 random bytes (openssl rand -base64 32), the same on every service");
        }
        byte[] current = MasterKey.load(settings.masterKey(), settings.dataDirPath());
        List<Key> previous = new ArrayList<>();
        String list = settings.previousKeys() == null ? "" : settings.previousKeys();
        int position = 0;
        for (String encoded : list.split(",")) {
            position++;
            if (!encoded.isBlank()) {
                previous.add(Key.of(MasterKey.decode(encoded, "WAFLEET_MASTER_KEYS_PREVIOUS (entry " + position + ")")));
            }
        }
        return new KeyRing(Key.of(current), previous);
    }

    public Key current() {
        return current;
    }

    public Optional<Key> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key, the current one first. */
    public List<Key> all() {
        return List.copyOf(byId.values());
    }

    /** The ids of every key, the current one first: safe to log. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + current.id() + ", ids=" + ids() + "]";
    }
}
