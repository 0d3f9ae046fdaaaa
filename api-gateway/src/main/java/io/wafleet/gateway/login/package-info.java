/**
 * Session calls that wait for the owning session worker's answer: QR login, pairing-code login,
 * logout and reconnect. Each publishes a command with a {@code ReplyTo} and answers from the reply.
 */
package io.wafleet.gateway.login;
