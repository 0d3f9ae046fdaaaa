package io.wafleet.infra.backing;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * mongo-java-server backends whose collections find a document through the {@code _id} index also
 * when the filter has conditions beside {@code _id}. The server uses an index only for a filter whose
 * keys are exactly the index's, so every fenced update ({@code {_id: …, $or: [epoch conditions]}})
 * read the whole collection, under the collection's lock: with a thousand accounts, hand-overs queued
 * behind those scans. Here the {@code _id} condition picks the candidates and the whole filter is then
 * matched against them, which is what a real MongoDB does with its {@code _id} index.
 */
final class IdFirstBackends {

    private IdFirstBackends() {
    }

    static MongoBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        return new IdFirstMemoryCollection(this, collectionName, options, cursorRegistry);
                    }
                };
            }
        };
    }

    /**
     * Documents kept in an H2 file, in the maps {@link H2Database} names, so existing files open as
     * before; unique indexes kept on the heap ({@link HeapUniqueIndex}) and rebuilt from the documents
     * when the server starts.
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
                        return new HeapUniqueIndex(indexName, keys, sparse);
                    }

                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(collectionName);
                        return new IdFirstH2Collection(this, collectionName, options,
                                store.openMap("databases." + namespace), store.openMap("meta." + namespace), cursorRegistry);
                    }
                };
            }
        };
    }

    /**
     * The positions of the documents whose {@code _id} matches the filter's {@code _id} condition, or
     * null where the server's own planning applies: no {@code _id} condition beside others, an index
     * that takes the whole filter, or an {@code _id} condition the index cannot answer (a range).
     */
    static <P> Iterable<P> candidatesById(List<Index<P>> indexes, String idField, Document query) {
        if (idField == null || query.size() < 2 || !query.containsKey(idField)) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index.canHandle(query)) {
                return null;
            }
        }
        Document byId = new Document(idField, query.get(idField));
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    /** The documents of the filter's {@code _id} candidates matched against it, or else the server's own query. */
    static <P> QueryResult idFirst(List<Index<P>> indexes, String idField, Document query,
                                   Function<Iterable<P>, QueryResult> matchCandidates, Supplier<QueryResult> serverQuery) {
        Iterable<P> candidates = candidatesById(indexes, idField, query);
        return candidates == null ? serverQuery.get() : matchCandidates.apply(candidates);
    }

    private static final class IdFirstMemoryCollection extends MemoryCollection {

        IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            return idFirst(getIndexes(), getIdField(), query,
                    candidates -> matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector),
                    () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector));
        }
    }

    private static final class IdFirstH2Collection extends H2Collection {

        IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options,
                            MVMap<Object, Document> data, MVMap<String, Object> meta,
                            CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            return idFirst(getIndexes(), getIdField(), query,
                    candidates -> matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector),
                    () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector));
        }
    }
}
