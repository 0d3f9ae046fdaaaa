package io.wafleet.infra.backing;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index of the embedded server, in a hash map, that also answers filters with conditions
 * beside its keys.
 *
 * <p>The server uses an index only for a filter whose keys are exactly the index's; any other filter
 * reads the whole collection under the collection's lock. This index takes a filter that has
 * conditions on all its keys and more: the candidates come from the keys' conditions, and the
 * collection then matches the whole filter against them, as a real MongoDB does with its index.
 *
 * <p>On the H2 file store it replaces H2's index maps: H2 does not know the server's index keys
 * ({@link KeyValue} is not {@code Comparable}) and compared two of them by Java-serialising both, at
 * every step of every look-up. It starts empty, and the server fills an empty index from the
 * collection's documents when it opens it, so it is rebuilt at every start.
 */
final class HeapUniqueIndex<P> extends AbstractUniqueIndex<P> {

    private final Map<KeyValue, P> positions = new ConcurrentHashMap<>();

    HeapUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (super.canHandle(query)) {
            return true;
        }
        Document onKeys = onKeys(query);
        return onKeys != null && super.canHandle(onKeys);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        return super.getPositions(super.canHandle(query) ? query : onKeys(query));
    }

    /** The filter's conditions on this index's keys, or null when it lacks one of them. */
    private Document onKeys(Document query) {
        if (!query.keySet().containsAll(keySet())) {
            return null;
        }
        Document onKeys = new Document();
        keys().forEach(key -> onKeys.put(key, query.get(key)));
        return onKeys;
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return positions.size();
    }

    @Override
    protected P removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, P position) {
        return positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected P getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    protected Iterable<Entry<KeyValue, P>> getIterable() {
        return positions.entrySet();
    }
}
