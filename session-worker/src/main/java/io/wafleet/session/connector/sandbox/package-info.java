/**
 * The sandbox connector: a simulated WhatsApp network shared by every worker of the fleet, its state
 * in MongoDB ({@code sandbox_devices}, {@code sandbox_connections}, {@code sandbox_stats},
 * {@code sandbox_messages}, {@code sandbox_groups}). Logins complete when the simulated phone scans ({@code SandboxScan}) or after {@code wafleet.sandbox.auto-scan};
 * sends come back as {@code sent}, {@code delivered} and {@code read} receipts; a send to another
 * sandbox account's phone number reaches that account as a {@code SandboxInbound} command (and is read
 * when that account marks it read). The network remembers the messages it carried for a while
 * ({@code sandbox_messages}): reactions, revokes, edits, reads, stars, deletes and forwards act on them
 * with WhatsApp's rules, and reach the other account of the chat as {@code SandboxMessageUpdate}. An
 * account's presence is recorded on its device ({@code sandbox_devices}: {@code presence}, {@code last_seen});
 * a typing indicator reaches the other account of the chat as {@code SandboxChatPresence}. Groups
 * ({@code sandbox_groups}) have WhatsApp's roles and rules; a message to a group reaches its members that
 * are sandbox accounts, and a change of its participants reaches them as {@code SandboxGroupUpdate}. Like
 * WhatsApp's servers, the network sees every connection: a second live connection of one account
 * kicks the first with a {@code conflict} and is counted. Faults ({@code SandboxFault}) and a
 * deliberate duplicate connection ({@code SandboxDuplicateConnection}) can be injected. Active when
 * {@code wafleet.connector=sandbox} (the default); its commands are handled here, not in the core.
 */
package io.wafleet.session.connector.sandbox;
