/**
 * {@code wafleet.jar rekey}: master key rotation's second half. After every service runs with the new
 * key as {@code WAFLEET_MASTER_KEY} and the old one in {@code WAFLEET_MASTER_KEYS_PREVIOUS}, it seals
 * every stored secret ({@link io.wafleet.common.crypto.SealedField}) again under the new key, so the old
 * key can be dropped.
 */
package io.wafleet.infra.rekey;
