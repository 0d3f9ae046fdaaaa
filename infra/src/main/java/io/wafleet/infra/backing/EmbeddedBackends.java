package io.wafleet.infra.backing;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;

/**
 * mongo-java-server backends whose unique indexes are {@link HeapUniqueIndex}es: they also serve a
 * filter with conditions beside their keys (every fenced update, {@code {_id: …, $or: [epoch
 * conditions]}}, used to read its whole collection under the collection's lock), and on H2 they stay
 * out of the file, where H2 compared their keys by Java-serialising both.
 */
final class EmbeddedBackends {

    private EmbeddedBackends() {
    }

    static MongoBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                     List<IndexKey> keys, boolean sparse) {
                        return new HeapUniqueIndex<>(indexName, keys, sparse);
                    }
                };
            }
        };
    }

    /**
     * Documents kept in an H2 file, as {@link H2Backend} keeps them; the unique indexes on the heap,
     * rebuilt from the documents when the server starts.
     */
    /** The names H2Database gives a collection's maps. */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    /** H2's page cache, in MB. */
    static final int CACHE_MB = 256;

    static MongoBackend inFile(Path file) {
        // H2's default page cache (16 MB) is far smaller than a busy delivery log: evicted pages are read
        // back and Java-deserialised on every insert among them
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open();
        return new H2Backend(store) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new H2Database(databaseName, store, getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                    List<IndexKey> keys, boolean sparse) {
                        return new HeapUniqueIndex<>(indexName, keys, sparse);
                    }

                    /** As H2Database's, under its map names (which its drop methods use), with documents as BSON. */
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(collectionName);
                        MVMap<Object, Document> documents = store.openMap(DATA_MAP_PREFIX + namespace,
                                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                        MVMap<String, Object> meta = store.openMap(META_MAP_PREFIX + namespace);
                        return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
                    }
                };
            }
        };
    }
}
