/**
 * The linked-device connector: WhatsApp Web multi-device through cobalt, logged in by QR code or
 * pairing code. Cobalt's keys and store are kept in memory and handed to the worker as credentials
 * (sealed in MongoDB), refreshed as the keys change, so another worker restores the session after a
 * failover; nothing is written to local files. Only HTTP proxies are supported (cobalt 0.0.10).
 */
package io.wafleet.session.connector.linked;
