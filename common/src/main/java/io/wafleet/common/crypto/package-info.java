/**
 * Secrets at rest: the fleet's master keys ({@link io.wafleet.common.crypto.KeyRing}: the current key
 * and earlier ones kept for reading, from {@code WAFLEET_MASTER_KEY}, {@code WAFLEET_MASTER_KEYS_PREVIOUS}
 * or {@code $WAFLEET_DATA_DIR/master.key}), the AES-GCM {@link io.wafleet.common.crypto.SecretCipher} whose
 * output names the key it was made with, and where sealed fields live
 * ({@link io.wafleet.common.crypto.SealedField}). Plain Java, no Spring beans: each service builds its
 * cipher from its own configuration. Nothing here logs or puts in a message a key or a secret.
 */
package io.wafleet.common.crypto;
