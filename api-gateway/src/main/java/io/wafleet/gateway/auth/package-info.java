/**
 * Who may call the API: the admin key ({@code wafleet.auth.admin-key}), tenant and account keys issued
 * through {@code /keys} and stored hashed ({@code api_keys}), the {@link io.wafleet.gateway.auth.AuthFilter}
 * that authenticates each call and puts its {@link io.wafleet.gateway.auth.Caller} in the Reactor context,
 * the scope checks of {@link io.wafleet.gateway.auth.Access} that routes go through, the refusal to start
 * unprotected, and the audit log.
 */
package io.wafleet.gateway.auth;
