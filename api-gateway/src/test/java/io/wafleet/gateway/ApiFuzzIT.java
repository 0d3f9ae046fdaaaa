package io.wafleet.gateway;

import io.wafleet.common.Topics;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Issue #6's fuzz suite (jqwik, fixed seeds): thousands of generated requests over every route of
 * {@link ApiRoutes}. None may get a 5xx, and every error is the envelope with its code. Those made
 * invalid by construction ({@link RefusedRequests}) must get a 4xx and write nothing: no MongoDB
 * collection gains or loses a document, the account's own documents stay as they were, and no
 * Kafka topic the gateway writes grows. Requests that may be valid ({@link AnyRequests}) are held to
 * the first two, and a batch of them that happens to be refused whole to the third. Requests go in
 * batches of {@link #BATCH}, the state is compared once per batch. jqwik runs this class (not
 * Jupiter), so the Spring test context is driven by hand through a {@link TestContextManager}. No
 * shrinking: a request that wrote something would make every later batch fail, and the failing
 * request is named in the assertion anyway.
 */
class ApiFuzzIT extends GatewayTestSupport {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzIT.class);
    private static final String REFUSING = "fuzz-refused";
    private static final String ANY = "fuzz-any";
    private static final String UNLINKED = "fuzz-unlinked";
    private static final int BATCH = 10;
    /** server.netty.max-initial-line-length. */
    private static final int MAX_REQUEST_LINE = 4_096;
    private static final int REFUSED_TRIES = 500;
    private static final int ANY_TRIES = 400;
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final AtomicInteger RESETS = new AtomicInteger();
    private static final Map<Integer, LongAdder> STATUSES = new ConcurrentSkipListMap<>();
    private static TestContextManager spring;
    private static KafkaConsumer<byte[], byte[]> offsets;
    private static List<TopicPartition> partitions;

    /** What a request could change; see the class comment. */
    private record State(Map<String, Long> documents, Document account, Document webhook, List<Document> deliveries,
                         Map<TopicPartition, Long> offsets) {
    }

    private State before;

    @BeforeContainer
    static void start() throws Exception {
        spring = new TestContextManager(ApiFuzzIT.class);
        spring.beforeTestClass();
        String brokers = spring.getTestContext().getApplicationContext().getBean(EmbeddedKafkaBroker.class).getBrokersAsString();
        worker = new FakeSessionWorker(brokers);
        offsets = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = new ArrayList<>();
        for (String topic : List.of(Topics.COMMANDS, Topics.CONFIG, Topics.EVENTS)) {
            offsets.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
    }

    @AfterContainer
    static void stop() throws Exception {
        offsets.close();
        worker.close();
        spring.afterTestClass();
        log.info("ApiFuzzIT sent {} generated requests; answers by status {}, {} connections reset", SENT.get(),
                STATUSES, RESETS.get());
        assertThat(SENT.get()).as("generated requests").isGreaterThanOrEqualTo((REFUSED_TRIES + ANY_TRIES) * BATCH);
    }

    @BeforeProperty
    void prepare() throws Exception {
        spring.prepareTestInstance(this);
        client();
        linked(REFUSING);
        if (mongo.findById(REFUSING + "-ev", Document.class, "webhook_deliveries").block() == null) {
            Date now = new Date();
            mongo.insert(new Document("_id", REFUSING + "-ev").append("account_id", REFUSING).append("event_type", "message")
                    .append("outcome", "dead").append("attempts", 8).append("body", "{\"event\":\"message\"}")
                    .append("created_at", now).append("updated_at", now), "webhook_deliveries").block();
        }
        if (mongo.findById(UNLINKED, Document.class, "accounts").block() == null) {
            create(UNLINKED).expectStatus().isCreated();
        }
    }

    @Property(tries = REFUSED_TRIES, seed = "20261126", shrinking = ShrinkingMode.OFF)
    void refusedRequestsGetA4xxAndChangeNothing(@ForAll("refused") List<FuzzRequest> batch) {
        if (before == null) {
            before = settledState(REFUSING);
        }
        for (FuzzRequest request : batch) {
            answer(request, true);
        }
        assertThat(state(REFUSING)).as("what the batch changed").isEqualTo(before);
    }

    /** A batch that happens to be refused whole must not have changed anything either. */
    @Property(tries = ANY_TRIES, seed = "6", shrinking = ShrinkingMode.OFF)
    void anyRequestIsAnsweredWithoutA5xx(@ForAll("anything") List<FuzzRequest> batch) {
        linked(ANY);
        State start = state(ANY);
        boolean allRefused = true;
        for (FuzzRequest request : batch) {
            allRefused &= answer(request, false) >= 400;
        }
        if (allRefused) {
            assertThat(state(ANY)).as("what a batch of refused requests changed").isEqualTo(start);
        }
    }

    @Provide
    Arbitrary<List<FuzzRequest>> refused() {
        return new RefusedRequests(REFUSING).any().list().ofSize(BATCH);
    }

    @Provide
    Arbitrary<List<FuzzRequest>> anything() {
        return new AnyRequests(ANY, UNLINKED).any().list().ofSize(BATCH);
    }

    /**
     * Sends the request and checks its answer: no 5xx (a 4xx when {@code refused}); an error in the
     * envelope, its {@code status} the HTTP status, a {@code code} and a message. A multipart body the
     * parser gives up on part-way may have its connection reset instead (see BadInputIT).
     */
    private int answer(FuzzRequest request, boolean refused) {
        SENT.incrementAndGet();
        EntityExchangeResult<byte[]> result;
        try {
            result = send(request).expectBody().returnResult();
        } catch (IllegalStateException unanswered) {
            // The client's timeout. A request line over the server's limit is answered 414 and the connection
            // closed at once (checked by BadInputIT, and by hand up to 900 KB), but a client still writing a
            // line of hundreds of kilobytes may never read that answer: counted as a reset. Anything else
            // left unanswered fails, naming the request (the batch's report does not single it out).
            assertThat(request.path().length() > MAX_REQUEST_LINE)
                    .as("no answer within the client's timeout: %s", request).isTrue();
            RESETS.incrementAndGet();
            return -1;
        } catch (WebClientRequestException reset) {
            // or one whose request line is over the server's limit: answered 414 and closed while its body is sent
            assertThat(request.headers().getOrDefault("Content-Type", "").startsWith("multipart/")
                    || request.path().length() > MAX_REQUEST_LINE).as("reset: %s", request).isTrue();
            RESETS.incrementAndGet();
            return -1;
        }
        int status = result.getStatus().value();
        STATUSES.computeIfAbsent(status, code -> new LongAdder()).increment();
        String text = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(status).as("%s answered %s", request, FuzzRequest.abbreviate(text)).isLessThan(500);
        if (refused) {
            assertThat(status).as("%s answered %s", request, FuzzRequest.abbreviate(text)).isBetween(400, 499);
        }
        if (status >= 400 && request.method() != HttpMethod.HEAD) {
            JsonNode envelope = FuzzValues.JSON.readTree(text.isEmpty() ? "null" : text);
            assertThat(envelope.path("status").asInt()).as("%s: envelope status of %s", request, text).isEqualTo(status);
            assertThat(envelope.path("code").asString("")).as("%s: envelope code of %s", request, text)
                    .isNotBlank().isNotEqualTo("SUCCESS");
            assertThat(envelope.path("message").asString("")).as("%s: envelope message", request).isNotBlank();
        }
        return status;
    }

    private WebTestClient.ResponseSpec send(FuzzRequest request) {
        WebTestClient.RequestBodySpec spec = client.method(request.method())
                .uri(URI.create("http://127.0.0.1:" + port + request.path()));
        request.headers().forEach(spec::header);
        if (request.body() == null) {
            return spec.exchange();
        }
        return spec.body((outgoing, context) -> outgoing.writeWith(Mono.fromSupplier(() ->
                outgoing.bufferFactory().wrap(request.body())))).exchange();
    }

    private void linked(String account) {
        if (mongo.findById(account, Document.class, "accounts").block() == null) {
            createLinked(account);
        }
    }

    /** The state once nothing changes any more: what earlier requests set going has landed. */
    private State settledState(String account) {
        State[] last = {state(account)};
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    State now = state(account);
                    boolean settled = now.equals(last[0]);
                    last[0] = now;
                    return settled;
                });
        return last[0];
    }

    /** Every collection's size, the account's own documents, and the topics' ends. */
    private State state(String account) {
        Map<String, Long> documents = new TreeMap<>();
        for (String collection : mongo.getCollectionNames().collectList().block()) {
            documents.put(collection, mongo.estimatedCount(collection).block());
        }
        return new State(documents, mongo.findById(account, Document.class, "accounts").block(),
                mongo.findById(account, Document.class, "account_webhooks").block(),
                mongo.find(Query.query(where("account_id").is(account)), Document.class, "webhook_deliveries").collectList().block(),
                Map.copyOf(offsets.endOffsets(partitions)));
    }
}
