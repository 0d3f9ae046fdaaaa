package io.wafleet.session.connector.sandbox;

import java.util.Optional;

/** The sandbox network's groups, shared by every worker as WhatsApp's servers are. */
interface SandboxGroupStore {

    Optional<SandboxGroup> find(String groupId);

    /** Stores a new group; false when a group with its id exists already. */
    boolean create(SandboxGroup group);

    /** Replaces the group with {@code changed} if it still is at {@code changed.version() - 1}; false otherwise. */
    boolean update(SandboxGroup changed);
}
