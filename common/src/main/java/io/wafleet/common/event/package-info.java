/** Events published on {@code wafleet.events}: the {@link io.wafleet.common.event.Event} envelope and its typed payloads. */
package io.wafleet.common.event;
