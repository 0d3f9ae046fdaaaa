/**
 * Stored logins: a session's connector credentials, with its phone number and device id, encrypted
 * with AES-GCM under the fleet's master key before they reach MongoDB ({@code session_credentials}).
 * Nothing here logs a credential or a key.
 */
package io.wafleet.session.credentials;
