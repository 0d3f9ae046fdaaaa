/**
 * The admin page ({@code /admin}): accounts with their live status and owner worker, QR and pairing-code
 * logins, webhook configuration and recent deliveries, all through the JSON API.
 */
package io.wafleet.gateway.admin;
