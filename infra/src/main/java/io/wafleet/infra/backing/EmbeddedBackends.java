package io.wafleet.infra.backing;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
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
    static MongoBackend inFile(Path file) {
        MVStore store = MVStore.open(file.toString());
        return new H2Backend(store) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new H2Database(databaseName, store, getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                    List<IndexKey> keys, boolean sparse) {
                        return new HeapUniqueIndex<>(indexName, keys, sparse);
                    }
                };
            }
        };
    }
}
