/**
 * Accounts: create, list, read and delete (with the cascade over everything the account owns).
 * The gateway creates and deletes account documents; session workers update their status.
 */
package io.wafleet.gateway.account;
