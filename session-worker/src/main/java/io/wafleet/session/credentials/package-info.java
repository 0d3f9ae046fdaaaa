/**
 * Stored logins: a session's connector credentials, with its phone number and device id, sealed with
 * AES-GCM under the fleet's current master key ({@link io.wafleet.common.crypto}) before they reach
 * MongoDB ({@code session_credentials}); a login sealed under an earlier key is sealed again when loaded.
 * Nothing here logs a credential or a key.
 */
package io.wafleet.session.credentials;
