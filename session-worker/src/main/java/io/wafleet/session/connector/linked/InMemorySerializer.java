package io.wafleet.session.connector.linked;

import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.Controller;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.controller.StoreKeysPair;
import it.auties.whatsapp.model.mobile.PhoneNumber;

import java.util.Collection;
import java.util.LinkedList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Cobalt's persistence hook, writing nothing: cobalt's default keeps every session in files under
 * {@code ~/.cobalt}, which another worker could not read after a failover. Here a request to save keys or
 * store only tells the session that its login changed (it re-seals it into wafleet's credential store),
 * and a deleted session (cobalt's reaction to a logout or ban) tells it the login is gone.
 */
final class InMemorySerializer implements ControllerSerializer {

    private final Runnable changed;
    private final Runnable deleted;

    InMemorySerializer(Runnable changed, Runnable deleted) {
        this.changed = changed;
        this.deleted = deleted;
    }

    @Override
    public StoreKeysPair newStoreKeysPair(UUID uuid, PhoneNumber phoneNumber, Collection<String> alias, ClientType clientType) {
        var store = Store.of(uuid, phoneNumber, alias, clientType);
        store.setSerializer(this);
        var keys = Keys.of(uuid, phoneNumber, alias, clientType);
        keys.setSerializer(this);
        return new StoreKeysPair(store, keys);
    }

    @Override
    public LinkedList<UUID> listIds(ClientType type) {
        return new LinkedList<>();
    }

    @Override
    public LinkedList<PhoneNumber> listPhoneNumbers(ClientType type) {
        return new LinkedList<>();
    }

    @Override
    public Optional<StoreKeysPair> deserializeStoreKeysPair(UUID uuid, PhoneNumber phoneNumber, String alias, ClientType type) {
        return Optional.empty();
    }

    @Override
    public CompletableFuture<Void> serializeKeys(Keys keys, boolean async) {
        changed.run();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> serializeStore(Store store, boolean async) {
        changed.run();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, UUID id) {
        return Optional.empty();
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, PhoneNumber phoneNumber) {
        return Optional.empty();
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, String alias) {
        return Optional.empty();
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, UUID id) {
        return Optional.empty();
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, PhoneNumber phoneNumber) {
        return Optional.empty();
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, String alias) {
        return Optional.empty();
    }

    @Override
    public void deleteSession(Controller<?> controller) {
        deleted.run();
    }
}
