/**
 * The webhook delivery log, read from the records the webhook worker writes ({@code webhook_deliveries},
 * one per event, with its latest attempts), and redelivery: the stored event body
 * is put back on {@code wafleet.events} byte for byte, with the same event id, so receivers deduplicate.
 * A redelivery first claims the record ({@code outcome → pending}, conditionally, so two calls cannot
 * both republish it) and gives the claim back when Kafka does not take the event.
 */
package io.wafleet.gateway.delivery;
