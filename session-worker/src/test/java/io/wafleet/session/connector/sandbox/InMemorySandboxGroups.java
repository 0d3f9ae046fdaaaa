package io.wafleet.session.connector.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

final class InMemorySandboxGroups implements SandboxGroupStore {

    private final Map<String, SandboxGroup> groups = new ConcurrentHashMap<>();

    @Override
    public Optional<SandboxGroup> find(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public boolean create(SandboxGroup group) {
        return groups.putIfAbsent(group.id(), group) == null;
    }

    @Override
    public boolean update(SandboxGroup changed) {
        SandboxGroup[] replaced = new SandboxGroup[1];
        groups.computeIfPresent(changed.id(), (id, current) -> {
            if (current.version() != changed.version() - 1) {
                return current;
            }
            replaced[0] = current;
            return changed;
        });
        return replaced[0] != null;
    }
}
