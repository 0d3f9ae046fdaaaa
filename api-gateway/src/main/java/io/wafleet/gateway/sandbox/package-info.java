/**
 * The sandbox connector's phone, reached over HTTP: confirm a pending login ({@code scan}) or inject a
 * message from a contact ({@code inbound}). Served only while {@code wafleet.sandbox.enabled} is true.
 */
package io.wafleet.gateway.sandbox;
