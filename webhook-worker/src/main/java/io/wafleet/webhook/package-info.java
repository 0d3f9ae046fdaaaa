/**
 * The webhook worker: delivers every event of {@code wafleet.events} to its account's webhook, at
 * least once, without letting one account's endpoint slow another's.
 * <ul>
 *   <li>{@code kafka}: the listeners (events, retry tiers, configuration changes), offset tracking,
 *   the in-flight window, and the retry and dead-letter topics;</li>
 *   <li>{@code endpoint}: which URL, secret and policy an account's events go to (MongoDB, cached,
 *   global fallback);</li>
 *   <li>{@code delivery}: one attempt, signing, circuit breakers, retry policy, delivery records;</li>
 *   <li>{@code address}: where webhooks may point (http(s), no private addresses in production).</li>
 * </ul>
 */
package io.wafleet.webhook;
