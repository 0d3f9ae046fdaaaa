package io.wafleet.common.crypto;

import java.nio.file.Path;

/**
 * Where each service finds the fleet's master keys, bound from {@code wafleet.credentials} by the
 * services' configuration records (every service has the same shape and the same environment names).
 * Its {@code toString} shows whether keys are set, never the keys.
 *
 * @param masterKey      the current key, base64 of 32 bytes ({@code WAFLEET_MASTER_KEY}); blank: the key file
 * @param previousKeys   earlier keys, comma-separated base64 ({@code WAFLEET_MASTER_KEYS_PREVIOUS}), only read with
 * @param dataDir        where {@code master.key} is read or created when no key is configured
 *                       ({@code WAFLEET_DATA_DIR}, default {@code ./data})
 * @param keyFileAllowed whether the key file may stand in for {@code masterKey} (local mode: yes; production: no,
 *                       a file made on one machine is not shared by a fleet spread over several)
 */
public record MasterKeySettings(String masterKey, String previousKeys, String dataDir, Boolean keyFileAllowed) {

    public static final String DEFAULT_DATA_DIR = "./data";

    public MasterKeySettings {
        dataDir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir;
        keyFileAllowed = keyFileAllowed == null || keyFileAllowed;
    }

    /** Settings with only the current key (tests, tools). */
    public static MasterKeySettings of(String masterKey) {
        return new MasterKeySettings(masterKey, null, null, null);
    }

    public Path dataDirPath() {
        return Path.of(dataDir);
    }

    boolean hasMasterKey() {
        return masterKey != null && !masterKey.isBlank();
    }

    @Override
    public String toString() {
        return "MasterKeySettings[masterKey=" + (hasMasterKey() ? "***" : "unset")
                + ", previousKeys=" + (previousKeys == null || previousKeys.isBlank() ? "none" : "***")
                + ", dataDir=" + dataDir + ", keyFileAllowed=" + keyFileAllowed + "]";
    }
}
