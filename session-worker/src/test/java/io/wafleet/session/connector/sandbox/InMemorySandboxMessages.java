package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The network's memory of carried messages, shared by several connectors (workers) in one test. */
final class InMemorySandboxMessages implements SandboxMessages {

    private record Kept(CarriedMessage message, Instant until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    @Override
    public void remember(CarriedMessage message, Instant keepUntil) {
        kept.putIfAbsent(message.id(), new Kept(message, keepUntil));
    }

    @Override
    public Optional<CarriedMessage> find(String messageId, Instant now) {
        return Optional.ofNullable(kept.get(messageId)).filter(k -> k.until().isAfter(now)).map(Kept::message);
    }

    @Override
    public void revoke(String messageId) {
        change(messageId, m -> new CarriedMessage(m.id(), m.sender(), m.senderPhone(), m.chat(), m.recipient(), m.content(),
                m.sentAt(), true, m.deletedFor(), m.starredBy()));
    }

    @Override
    public void edit(String messageId, String text) {
        change(messageId, m -> {
            Content c = m.content();
            return new CarriedMessage(m.id(), m.sender(), m.senderPhone(), m.chat(), m.recipient(),
                    new Content(text, c.media(), c.mediaType(), c.location(), c.contact(), c.poll(), c.forwarded()), m.sentAt(), m.revoked(),
                    m.deletedFor(), m.starredBy());
        });
    }

    @Override
    public void star(String messageId, AccountId account, boolean starred) {
        change(messageId, m -> new CarriedMessage(m.id(), m.sender(), m.senderPhone(), m.chat(), m.recipient(), m.content(),
                m.sentAt(), m.revoked(), m.deletedFor(), with(m.starredBy(), account.value(), starred)));
    }

    @Override
    public void deleteFor(String messageId, AccountId account) {
        change(messageId, m -> new CarriedMessage(m.id(), m.sender(), m.senderPhone(), m.chat(), m.recipient(), m.content(),
                m.sentAt(), m.revoked(), with(m.deletedFor(), account.value(), true), m.starredBy()));
    }

    @Override
    public long forgetExpired(Instant now) {
        int before = kept.size();
        kept.values().removeIf(k -> !k.until().isAfter(now));
        return before - kept.size();
    }

    private void change(String messageId, UnaryOperator<CarriedMessage> change) {
        kept.computeIfPresent(messageId, (id, k) -> new Kept(change.apply(k.message()), k.until()));
    }

    private static Set<String> with(Set<String> set, String value, boolean present) {
        Set<String> copy = new HashSet<>(set);
        if (present) {
            copy.add(value);
        } else {
            copy.remove(value);
        }
        return copy;
    }
}
