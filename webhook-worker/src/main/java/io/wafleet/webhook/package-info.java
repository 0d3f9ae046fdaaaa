/**
 * The webhook worker: delivers every event of {@code wafleet.events} to its account's webhook.
 * <ul>
 *   <li>{@code kafka}: the listeners (events in batches, configuration changes) and topic set-up;</li>
 *   <li>{@code endpoint}: which URL and secret an account's events go to (MongoDB, cached, global fallback);</li>
 *   <li>{@code delivery}: signing, POSTing with retries, and recording each delivery.</li>
 * </ul>
 */
package io.wafleet.webhook;
