/**
 * The sandbox connector's phone and network, reached over HTTP: confirm a pending login ({@code scan}),
 * inject a message from a contact ({@code inbound}), inject a fault ({@code fault}), open a second
 * connection on purpose ({@code duplicate-connection}), and read the network's statistics
 * ({@code GET /sandbox/stats}). Served only while {@code wafleet.sandbox.enabled} is true.
 */
package io.wafleet.gateway.sandbox;
