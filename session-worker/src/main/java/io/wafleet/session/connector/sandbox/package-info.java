/**
 * The sandbox connector: a simulated WhatsApp network shared by every worker of the fleet, its state
 * in MongoDB ({@code sandbox_devices}). Logins complete when the simulated phone scans
 * ({@code SandboxScan}) or after {@code wafleet.sandbox.auto-scan}; sends come back as
 * {@code sent}, {@code delivered} and {@code read} receipts; a send to another sandbox account's phone
 * number reaches that account as a {@code SandboxInbound} command. Active when
 * {@code wafleet.connector=sandbox} (the default); its commands are handled here, not in the core.
 */
package io.wafleet.session.connector.sandbox;
