/**
 * Session ownership and command handling. A worker owns the accounts whose command partition it is
 * assigned ({@link io.wafleet.common.Topics#partitionOf}); {@code OwnershipRebalanceListener} restores
 * their logged-in sessions through a throttled start queue on assignment and closes them on
 * revocation. {@link io.wafleet.session.session.CommandDispatcher} hands each command to the
 * {@link io.wafleet.session.session.CommandHandler} for its type; connectors add handlers of their own.
 * Every session is opened and closed through {@code SessionService} under a per-account lock, the one
 * place where a fenced lease ({@code SessionLeases}) is taken and given back.
 */
package io.wafleet.session.session;
