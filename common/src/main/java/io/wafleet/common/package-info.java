/**
 * The wafleet contract shared by every service: typed ids, topic names, command and event records,
 * their JSON serde, the webhook signature and the connector SPI. It holds no Spring beans and no
 * business logic; services depend on it and never on each other.
 */
package io.wafleet.common;
