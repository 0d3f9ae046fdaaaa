/**
 * Kafka wiring: the contract's topics, the command consumer (group {@code wafleet-session-workers},
 * classic protocol, cooperative-sticky assignment, short session timeout), the error handling that
 * turns an unreadable or failing command into a {@code command.rejected} event and a dead letter, and
 * the publisher of events, replies and sandbox-routed commands.
 */
package io.wafleet.session.kafka;
