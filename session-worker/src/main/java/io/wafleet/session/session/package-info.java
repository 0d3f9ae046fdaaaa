/**
 * Session ownership and command handling. A worker owns the accounts whose command partition it is
 * assigned ({@link io.wafleet.common.Topics#partitionOf}); {@code OwnershipRebalanceListener} restores
 * their logged-in sessions through a throttled start queue on assignment and hands them over on
 * revocation. {@link io.wafleet.session.session.CommandDispatcher} hands each command to the
 * {@link io.wafleet.session.session.CommandHandler} for its type; connectors add handlers of their own.
 *
 * <p>Kafka's assignment alone does not decide who holds a session: a fenced lease per account
 * ({@code SessionLeases}, MongoDB {@code session_leases}) does. Sessions are opened only by
 * {@code SessionHolder}, under the account's lock and a freshly taken lease (a new epoch), and every
 * write of their state (account status, credentials, message outcomes) is checked against that epoch.
 * {@code LeaseKeeper} renews the leases in bulk and stops a session the moment its lease is lost or
 * about to expire unrenewed; a command that needs a session whose lease another worker still holds
 * waits in Kafka ({@link io.wafleet.session.session.LeaseUnavailableException}) until it is free.
 */
package io.wafleet.session.session;
