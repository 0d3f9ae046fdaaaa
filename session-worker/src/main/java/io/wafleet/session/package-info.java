/**
 * The session worker. By feature: {@code session} (ownership of accounts, the live session registry,
 * command handling), {@code connector.sandbox} (the simulated WhatsApp network), {@code credentials}
 * (stored logins, encrypted at rest) and {@code kafka} (topics, serde, the command listener and the
 * publisher of events and replies).
 */
package io.wafleet.session;
