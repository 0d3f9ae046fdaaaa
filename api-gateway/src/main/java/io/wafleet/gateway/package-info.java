/**
 * The wafleet api-gateway: the seed's HTTP API on top of the Kafka contract. It validates input,
 * keeps account and webhook configuration in MongoDB, publishes commands keyed by account id and,
 * for logins, waits for the owning session worker's reply. It holds no WhatsApp connection.
 * Features live in their own packages ({@code account}, {@code webhook}, {@code login}, {@code send},
 * {@code sandbox}, {@code qr}); {@code web} holds the response envelope and {@code kafka} the publishing
 * and reply plumbing.
 */
package io.wafleet.gateway;
