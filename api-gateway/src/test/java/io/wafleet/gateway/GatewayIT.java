package io.wafleet.gateway;

import io.wafleet.gateway.message.Retention;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import reactor.core.publisher.Flux;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.command.DeleteAccount;
import io.wafleet.common.command.SandboxDuplicateConnection;
import io.wafleet.common.command.SandboxFault;
import io.wafleet.common.command.SendContact;
import io.wafleet.common.command.SendImage;
import io.wafleet.common.command.SendLink;
import io.wafleet.common.command.SendLocation;
import io.wafleet.common.command.SendMessage;
import io.wafleet.common.command.SendPoll;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The gateway against a real Kafka broker (KRaft) and a MongoDB-wire server, through its HTTP API. */
class GatewayIT extends GatewayTestSupport {

    @Test
    void readinessShowsMongoAndKafkaUpWithoutDetailsAndLivenessIsUp() {
        await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> client.get().uri("/actuator/health/readiness")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP")
                // the gateway's port is public: statuses only
                .jsonPath("$.components.mongo.details").doesNotExist()
                .jsonPath("$.components.kafka.details").doesNotExist());
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void accountLifecycleWithWebhookAndCascadingDelete() {
        create("acc-life").expectStatus().isCreated().expectBody()
                .jsonPath("$.code").isEqualTo("SUCCESS")
                .jsonPath("$.results.id").isEqualTo("acc-life")
                .jsonPath("$.results.status").isEqualTo("disconnected")
                .jsonPath("$.results.phone_number").isEqualTo("")
                .jsonPath("$.results.device_id").isEqualTo("")
                .jsonPath("$.results.created_at").isNotEmpty();
        create("acc-life").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        client.get().uri("/accounts").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[?(@.id == 'acc-life')]").exists();
        client.get().uri("/accounts/acc-life").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.id").isEqualTo("acc-life");

        String saved = post("/accounts/acc-life/webhook",
                Map.of("webhook_url", "https://example.com/hook", "secret", "s3cr3t-value"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(saved).doesNotContain("s3cr3t-value").contains("\"secret\":\"********\"").contains("\"secret_set\":true");
        client.get().uri("/accounts/acc-life/webhook").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.webhook_url").isEqualTo("https://example.com/hook")
                .jsonPath("$.results.secret").isEqualTo("********")
                .jsonPath("$.results.secret_set").isEqualTo(true);
        assertThat(sealedWebhookSecret(mongo.findById("acc-life", Document.class, "account_webhooks").block()))
                .isEqualTo("s3cr3t-value");

        insertDelivery("ev-life", "acc-life", "delivered", 1, Instant.now());
        client.delete().uri("/accounts/acc-life").exchange().expectStatus().isOk();
        assertThat(mongo.count(Query.query(where("account_id").is("acc-life")), "webhook_deliveries").block()).isZero();
        client.get().uri("/accounts/acc-life").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("NOT_FOUND");
        client.get().uri("/accounts/acc-life/webhook").exchange().expectStatus().isNotFound();
        assertThat(mongo.count(Query.query(where("_id").is("acc-life")), "account_webhooks").block()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(worker.commands).anyMatch(seen -> seen.value() instanceof DeleteAccount
                    && seen.key().equals("acc-life"));
            assertThat(worker.config).filteredOn(seen -> seen.key().equals("acc-life"))
                    .anyMatch(seen -> seen.value() == null)
                    .anyMatch(seen -> seen.value() != null && seen.value().contains("\"deleted\":true"))
                    .allMatch(seen -> seen.value() == null || !seen.value().contains("s3cr3t"));
        });
    }

    @Test
    void badInputIsRefusedInTheEnvelopeAndChangesNothing() {
        long before = mongo.count(new Query(), "accounts").block();
        for (String id : new String[]{"", "a b", "a.b", "x".repeat(65)}) {
            badRequest(create(id));
        }
        badRequest(post("/accounts", Map.of()));
        badRequest(client.post().uri("/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"account_id\":").exchange());
        client.post().uri("/accounts").contentType(MediaType.TEXT_PLAIN).bodyValue("acc").exchange()
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(mongo.count(new Query(), "accounts").block()).isEqualTo(before);

        create("acc-bad").expectStatus().isCreated();
        badRequest(post("/accounts/acc-bad/webhook", Map.of("webhook_url", "ftp://example.com/x", "secret", "s")));
        badRequest(post("/accounts/acc-bad/webhook", Map.of("webhook_url", "https://example.com/x", "secret", " ")));
        client.get().uri("/accounts/acc-bad/webhook").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.secret_set").isEqualTo(false);
        for (String phone : new String[]{"1234567", "+6281234567890", "62812345678901234", "abc@s.whatsapp.net"}) {
            badRequest(post("/send/message", Map.of("account_id", "acc-bad", "phone", phone, "message", "hi")));
        }
        badRequest(post("/send/message", Map.of("account_id", "acc-bad", "phone", "6281234567890", "message", "")));

        client.get().uri("/no/such/route").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.status").isEqualTo(404).jsonPath("$.code").isEqualTo("NOT_FOUND");
        client.get().uri("/send/message").exchange().expectStatus().isEqualTo(405).expectBody()
                .jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void sendsFromALinkedAccountArePublishedKeyedByTheAccount() throws Exception {
        create("acc-send").expectStatus().isCreated();
        mongo.updateFirst(Query.query(where("_id").is("acc-send")),
                Update.update("device_id", "dev-1").set("status", "logged_in"), "accounts").block();

        byte[] sent = post("/send/message", Map.of("account_id", "acc-send", "phone", "6281234567890", "message", "hello"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("queued")
                .returnResult().getResponseBody();
        String messageId = resultField(sent, "message_id");
        assertThat(messageId).matches("3EB0[0-9A-F]{16}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands)
                .anyMatch(seen -> seen.key().equals("acc-send") && seen.value() instanceof SendMessage send
                        && send.messageId().equals(messageId) && send.phone().equals("6281234567890")
                        && send.message().equals("hello")));

        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("account_id", "acc-send");
        form.part("phone", "6281234567890");
        form.part("caption", "a picture");
        form.part("image", new ByteArrayResource(png()) {
            @Override
            public String getFilename() {
                return "pic.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        client.post().uri("/send/image").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.results.status").isEqualTo("queued");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands)
                .anyMatch(seen -> seen.key().equals("acc-send") && seen.value() instanceof SendImage image
                        && image.image().mimeType().equals("image/png") && image.caption().equals("a picture")));
        assertThat(mongo.count(Query.query(where("metadata.account_id").is("acc-send")), "media.files").block()).isEqualTo(1);

        MultipartBodyBuilder tooLarge = new MultipartBodyBuilder();
        tooLarge.part("account_id", "acc-send");
        tooLarge.part("phone", "6281234567890");
        tooLarge.part("image", new ByteArrayResource(new byte[100 * 1024]) {
            @Override
            public String getFilename() {
                return "big.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        client.post().uri("/send/image").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(tooLarge.build())
                .exchange().expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
        badRequest(post("/send/image", Map.of("account_id", "acc-send", "phone", "6281234567890",
                "image_url", "http://127.0.0.1:" + port + "/no/such/image.png")));
        assertThat(mongo.count(Query.query(where("metadata.account_id").is("acc-send")), "media.files").block()).isEqualTo(1);

        client.delete().uri("/accounts/acc-send").exchange().expectStatus().isOk();
        assertThat(mongo.count(Query.query(where("metadata.account_id").is("acc-send")), "media.files").block()).isZero();
    }

    @Test
    void aSendWithAnIdempotencyKeyIsMadeOnce() throws Exception {
        create("acc-idem").expectStatus().isCreated();
        create("acc-idem2").expectStatus().isCreated();
        for (String account : List.of("acc-idem", "acc-idem2")) {
            mongo.updateFirst(Query.query(where("_id").is(account)),
                    Update.update("device_id", "dev-" + account).set("status", "logged_in"), "accounts").block();
        }
        Map<String, String> order = Map.of("account_id", "acc-idem", "phone", "6281234567890", "message", "order 42 shipped");

        String first = resultField(postWithKey("/send/message", order, "order-42")
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), "message_id");
        String repeat = resultField(postWithKey("/send/message", order, "order-42")
                .expectStatus().isOk().expectBody().jsonPath("$.results.status").isEqualTo("queued")
                .returnResult().getResponseBody(), "message_id");
        assertThat(repeat).isEqualTo(first);

        // the same key with another body: refused, nothing sent
        postWithKey("/send/message", Map.of("account_id", "acc-idem", "phone", "6281234567890", "message", "order 43"),
                "order-42").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.code").isEqualTo("IDEMPOTENCY_KEY_REUSED")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("order-42"));
        badRequest(postWithKey("/send/message", order, "with space"));
        badRequest(postWithKey("/send/message", order, "k".repeat(256)));
        // keys are per account
        String otherAccount = resultField(postWithKey("/send/message",
                Map.of("account_id", "acc-idem2", "phone", "6281234567890", "message", "order 42 shipped"), "order-42")
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), "message_id");
        assertThat(otherAccount).isNotEqualTo(first);

        // an image upload repeated: one message, one stored file
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("account_id", "acc-idem");
        form.part("phone", "6281234567890");
        form.part("image", new ByteArrayResource(png()) {
            @Override
            public String getFilename() {
                return "receipt.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        List<String> imageIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            imageIds.add(resultField(client.post().uri("/send/image").header("Idempotency-Key", "receipt-42")
                    .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build())
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(), "message_id"));
        }
        assertThat(imageIds.get(1)).isEqualTo(imageIds.get(0));
        assertThat(mongo.count(Query.query(where("metadata.account_id").is("acc-idem")), "media.files").block()).isEqualTo(1);

        // a send without a key, published after all of the above on the account's partition: once it is
        // seen, anything the repeats had published would have been seen too
        String last = resultField(post("/send/message", Map.of("account_id", "acc-idem", "phone", "6281234567890",
                "message", "no key")).expectStatus().isOk().expectBody().returnResult().getResponseBody(), "message_id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands)
                .anyMatch(seen -> seen.value() instanceof SendMessage send && send.messageId().equals(last)));
        List<Object> mine = worker.commands.stream().filter(seen -> seen.key().equals("acc-idem")).map(seen -> (Object) seen.value())
                .toList();
        assertThat(mine).filteredOn(command -> command instanceof SendMessage send && send.messageId().equals(first)).hasSize(1);
        assertThat(mine).filteredOn(command -> command instanceof SendMessage send && send.message().equals("order 43")).isEmpty();
        assertThat(mine).filteredOn(command -> command instanceof SendImage image && image.messageId().equals(imageIds.get(0)))
                .hasSize(1);
        assertThat(mine).filteredOn(command -> command instanceof SendImage).hasSize(1);

        client.delete().uri("/accounts/acc-idem").exchange().expectStatus().isOk();
        assertThat(mongo.count(Query.query(where("account_id").is("acc-idem")), "idempotency_keys").block()).isZero();
    }

    @Test
    void aMessagesStatusIsQueuedOnceAcceptedAndFollowsItsRecord() throws Exception {
        create("acc-status").expectStatus().isCreated();
        mongo.updateFirst(Query.query(where("_id").is("acc-status")),
                Update.update("device_id", "dev-status").set("status", "logged_in"), "accounts").block();
        String messageId = resultField(post("/send/message", Map.of("account_id", "acc-status", "phone", "6281234567890",
                "message", "status?")).expectStatus().isOk().expectBody().returnResult().getResponseBody(), "message_id");

        client.get().uri("/messages/" + messageId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.message_id").isEqualTo(messageId)
                .jsonPath("$.results.account_id").isEqualTo("acc-status")
                .jsonPath("$.results.to").isEqualTo("6281234567890")
                .jsonPath("$.results.type").isEqualTo("text")
                .jsonPath("$.results.status").isEqualTo("queued")
                .jsonPath("$.results.created_at").isNotEmpty()
                .jsonPath("$.results.sent_at").doesNotExist();

        // as the session worker records it: claimed (still "queued" to a client), then sent, then read
        mongo.updateFirst(Query.query(where("_id").is(messageId)), Update.update("status", "sending"), "messages").block();
        client.get().uri("/messages/" + messageId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("queued");
        Date sentAt = new Date();
        mongo.updateFirst(Query.query(where("_id").is(messageId)), Update.update("status", "read").set("sent_at", sentAt)
                .set("delivered_at", sentAt).set("read_at", sentAt), "messages").block();
        client.get().uri("/messages/" + messageId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("read")
                .jsonPath("$.results.read_at").isEqualTo(sentAt.toInstant().toString());

        String second = resultField(post("/send/message", Map.of("account_id", "acc-status", "phone", "6281234567890",
                "message", "second")).expectStatus().isOk().expectBody().returnResult().getResponseBody(), "message_id");
        client.get().uri("/accounts/acc-status/messages").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.length()").isEqualTo(2)
                .jsonPath("$.results[0].message_id").isEqualTo(second)
                .jsonPath("$.results[1].message_id").isEqualTo(messageId);
        client.get().uri("/accounts/acc-status/messages?status=queued&limit=5").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.length()").isEqualTo(1)
                .jsonPath("$.results[0].message_id").isEqualTo(second);
        client.get().uri("/accounts/acc-status/messages?status=read").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].message_id").isEqualTo(messageId);

        client.get().uri("/messages/3EB0FFFFFFFFFFFFFFFF").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("NOT_FOUND");
        badRequest(client.get().uri("/messages/not*an*id").exchange());
        badRequest(client.get().uri("/accounts/acc-status/messages?limit=0").exchange());
        badRequest(client.get().uri("/accounts/acc-status/messages?limit=abc").exchange());
        badRequest(client.get().uri("/accounts/acc-status/messages?status=lost").exchange());
        client.get().uri("/accounts/ghost/messages").exchange().expectStatus().isNotFound();
    }

    @Test
    void oldMessageRecordsMediaAndKeysArePrunedAndRecentOnesKept(@Autowired Retention retention,
                                                                  @Autowired ReactiveGridFsTemplate gridFs) {
        Date old = Date.from(Instant.now().minus(Duration.ofDays(40)));
        Date recent = Date.from(Instant.now().minus(Duration.ofHours(1)));
        mongo.insert(new Document("_id", "3EB0OLD0000000000000").append("account_id", "acc-prune").append("status", "read")
                .append("created_at", old), "messages").block();
        mongo.insert(new Document("_id", "3EB0NEW0000000000000").append("account_id", "acc-prune").append("status", "sent")
                .append("created_at", recent), "messages").block();
        mongo.insert(new Document("_id", "old-action-command").append("account_id", "acc-prune").append("status", "done")
                .append("created_at", old), "message_actions").block();
        mongo.insert(new Document("_id", "new-action-command").append("account_id", "acc-prune").append("status", "done")
                .append("created_at", recent), "message_actions").block();
        mongo.insert(new Document("_id", "acc-prune/3EB0OLD").append("account_id", "acc-prune").append("wamid", "wamid.OLD")
                .append("created_at", old), "cloud_api_messages").block();
        mongo.insert(new Document("_id", "acc-prune/3EB0NEW").append("account_id", "acc-prune").append("wamid", "wamid.NEW")
                .append("created_at", recent), "cloud_api_messages").block();
        mongo.insert(new Document("_id", "acc-prune/old-key").append("account_id", "acc-prune")
                .append("created_at", Date.from(Instant.now().minus(Duration.ofHours(25)))), "idempotency_keys").block();
        mongo.insert(new Document("_id", "acc-prune/new-key").append("account_id", "acc-prune")
                .append("created_at", recent), "idempotency_keys").block();
        gridFs.store(Flux.just(new DefaultDataBufferFactory().wrap(new byte[]{1, 2, 3})), "old.png", "image/png",
                new Document("account_id", "acc-prune")).block();
        // GridFS sets uploadDate itself: age the file by hand
        mongo.updateFirst(Query.query(where("filename").is("old.png")),
                Update.update("uploadDate", Date.from(Instant.now().minus(Duration.ofDays(9)))), "media.files").block();
        gridFs.store(Flux.just(new DefaultDataBufferFactory().wrap(new byte[]{4, 5, 6})), "new.png", "image/png",
                new Document("account_id", "acc-prune")).block();

        Retention.Pruned pruned = retention.prune().block();

        assertThat(pruned).isEqualTo(new Retention.Pruned(1, 1, 1, 1, 1));
        assertThat(mongo.findById("acc-prune/3EB0NEW", Document.class, "cloud_api_messages").block()).isNotNull();
        assertThat(mongo.findById("acc-prune/3EB0OLD", Document.class, "cloud_api_messages").block()).isNull();
        assertThat(mongo.findById("3EB0NEW0000000000000", Document.class, "messages").block()).isNotNull();
        assertThat(mongo.findById("3EB0OLD0000000000000", Document.class, "messages").block()).isNull();
        assertThat(mongo.findById("new-action-command", Document.class, "message_actions").block()).isNotNull();
        assertThat(mongo.findById("old-action-command", Document.class, "message_actions").block()).isNull();
        assertThat(mongo.findById("acc-prune/new-key", Document.class, "idempotency_keys").block()).isNotNull();
        assertThat(mongo.findById("acc-prune/old-key", Document.class, "idempotency_keys").block()).isNull();
        assertThat(mongo.find(Query.query(where("metadata.account_id").is("acc-prune")), Document.class, "media.files")
                .map(file -> file.getString("filename")).collectList().block()).containsExactly("new.png");
        assertThat(retention.prune().block()).isEqualTo(new Retention.Pruned(0, 0, 0, 0, 0));
    }

    @Test
    void locationsAndContactsArePublishedAndBadOnesRefused() {
        create("acc-geo").expectStatus().isCreated();
        mongo.updateFirst(Query.query(where("_id").is("acc-geo")),
                Update.update("device_id", "dev-geo").set("status", "logged_in"), "accounts").block();

        post("/send/location", Map.of("account_id", "acc-geo", "phone", "6281234567890", "latitude", -6.2, "longitude", 106.8))
                .expectStatus().isOk().expectBody().jsonPath("$.results.status").isEqualTo("queued");
        post("/send/contact", Map.of("account_id", "acc-geo", "phone", "6281234567890", "contact_name", "Budi",
                "contact_phone", "6289876543210")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(worker.commands).anyMatch(seen -> seen.value() instanceof SendLocation send
                    && send.accountId().value().equals("acc-geo") && send.location().latitude() == -6.2
                    && send.location().longitude() == 106.8 && send.location().name() == null);
            assertThat(worker.commands).anyMatch(seen -> seen.value() instanceof SendContact send
                    && send.accountId().value().equals("acc-geo") && send.contact().displayName().equals("Budi")
                    && send.contact().phone().equals("6289876543210"));
        });

        post("/send/link", Map.of("account_id", "acc-geo", "phone", "6281234567890", "link", "https://example.com/menu",
                "caption", "Our menu")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands).anyMatch(seen ->
                seen.value() instanceof SendLink send && send.link().equals("https://example.com/menu")
                        && send.caption().equals("Our menu")));
        post("/send/poll", Map.of("account_id", "acc-geo", "phone", "6281234567890", "question", "Lunch?",
                "options", List.of("Nasi goreng", "Sate", "Soto"), "max_answer", 2)).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands).anyMatch(seen ->
                seen.value() instanceof SendPoll send && send.poll().question().equals("Lunch?")
                        && send.poll().options().equals(List.of("Nasi goreng", "Sate", "Soto")) && send.poll().maxAnswer() == 2));
        Map<String, Object> poll = Map.of("account_id", "acc-geo", "phone", "6281234567890", "question", "Lunch?");
        badRequest(post("/send/poll", with(poll, "options", List.of("only one"))));
        badRequest(post("/send/poll", with(poll, "options", List.of("Sate", "Sate"))));
        badRequest(post("/send/poll", with(poll, "options", java.util.Collections.nCopies(13, "x").stream()
                .map(x -> x + UUID.randomUUID()).toList())));
        badRequest(post("/send/poll", with(with(poll, "options", List.of("a", "b")), "max_answer", 3)));
        badRequest(post("/send/poll", with(poll, "options", "a,b")));
        badRequest(post("/send/link", Map.of("account_id", "acc-geo", "phone", "6281234567890", "link", "ftp://example.com/x")));
        badRequest(post("/send/link", Map.of("account_id", "acc-geo", "phone", "6281234567890")));
        badRequest(post("/send/location", Map.of("account_id", "acc-geo", "phone", "6281234567890", "latitude", 91, "longitude", 0)));
        badRequest(post("/send/location", Map.of("account_id", "acc-geo", "phone", "6281234567890", "longitude", 0)));
        badRequest(post("/send/location", Map.of("account_id", "acc-geo", "phone", "6281234567890", "latitude", "north",
                "longitude", 0)));
        badRequest(post("/send/location", Map.of("account_id", "acc-geo", "phone", "6281234567890", "latitude", 0,
                "longitude", 0, "name", "n".repeat(1025))));
        badRequest(post("/send/contact", Map.of("account_id", "acc-geo", "phone", "6281234567890", "contact_name", "Budi")));
        badRequest(post("/send/contact", Map.of("account_id", "acc-geo", "phone", "6281234567890", "contact_name", " ",
                "contact_phone", "6289876543210")));
        badRequest(post("/send/contact", Map.of("account_id", "acc-geo", "phone", "6281234567890", "contact_name", "Budi",
                "contact_phone", "+62 898")));
        assertThat(mongo.count(Query.query(where("account_id").is("acc-geo")), "messages").block()).isEqualTo(4);
    }

    @Test
    void sendsWithoutASessionAreRefused() {
        create("acc-new").expectStatus().isCreated();
        post("/send/message", Map.of("account_id", "acc-new", "phone", "6281234567890", "message", "hi"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("NOT_LOGGED_IN");
        mongo.updateFirst(Query.query(where("_id").is("acc-new")),
                Update.update("device_id", "dev-2").set("status", "logged_out"), "accounts").block();
        post("/send/message", Map.of("account_id", "acc-new", "phone", "6281234567890", "message", "hi"))
                .expectStatus().isEqualTo(409);
        post("/send/message", Map.of("account_id", "ghost", "phone", "6281234567890", "message", "hi"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void loginsWaitForTheWorkersReply() throws Exception {
        create("acc-login").expectStatus().isCreated();
        var body = client.post().uri("/accounts/acc-login/login").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.qr_duration").isEqualTo(FakeSessionWorker.QR_SECONDS)
                .jsonPath("$.results.qr_code").isEqualTo("2@fake-qr-acc-login")
                .returnResult().getResponseBody();
        String link = resultField(body, "qr_link");
        assertThat(link).startsWith("http://127.0.0.1:" + port + "/qr/").endsWith(".png");
        byte[] png = client.get().uri(URI.create(link).getPath()).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(decode(png)).isEqualTo("2@fake-qr-acc-login");

        mongo.updateFirst(Query.query(where("_id").is("acc-login")),
                Update.update("device_id", "dev-3").set("status", "logged_in"), "accounts").block();
        post("/send/image", Map.of("account_id", "acc-login", "phone", "6281234567890@s.whatsapp.net", "image_url", link))
                .expectStatus().isOk().expectBody().jsonPath("$.results.status").isEqualTo("queued");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands)
                .anyMatch(seen -> seen.key().equals("acc-login") && seen.value() instanceof SendImage image
                        && image.image().mimeType().equals("image/png") && image.image().size() == png.length));

        post("/accounts/acc-login/login-with-code", Map.of("phone_number", "6281234567890")).expectStatus().isOk()
                .expectBody().jsonPath("$.results.pair_code").isEqualTo(FakeSessionWorker.PAIR_CODE);
        badRequest(post("/accounts/acc-login/login-with-code", Map.of("phone_number", "12")));
        client.post().uri("/sandbox/accounts/acc-login/scan").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("logged_in");
        client.post().uri("/accounts/acc-login/logout").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("logged_out");

        create("already-in").expectStatus().isCreated();
        client.post().uri("/accounts/already-in/login").exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.message").isEqualTo("account already-in is already logged in");
        create("silent-1").expectStatus().isCreated();
        client.post().uri("/accounts/silent-1/login").exchange().expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.code").isEqualTo("TIMEOUT");
        client.post().uri("/accounts/nobody/login").exchange().expectStatus().isNotFound();
    }

    @Test
    void sandboxFaultsAndDuplicateConnectionsReachTheOwningWorker() {
        create("acc-sbx").expectStatus().isCreated();

        client.post().uri("/sandbox/accounts/acc-sbx/duplicate-connection").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo(200)
                .jsonPath("$.code").isEqualTo("SUCCESS")
                .jsonPath("$.results.account_id").isEqualTo("acc-sbx")
                .jsonPath("$.results.status").isEqualTo("disconnected");
        post("/sandbox/accounts/acc-sbx/fault", Map.of("kind", "logged_out")).expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("logged_out");
        post("/sandbox/accounts/acc-sbx/fault", Map.of("kind", "disconnect")).expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("disconnected");

        badRequest(post("/sandbox/accounts/acc-sbx/fault", Map.of("kind", "explode")));
        badRequest(post("/sandbox/accounts/acc-sbx/fault", Map.of()));
        client.post().uri("/sandbox/accounts/ghost/duplicate-connection").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        post("/sandbox/accounts/ghost/fault", Map.of("kind", "disconnect")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(worker.commands).filteredOn(seen -> seen.value() instanceof SandboxDuplicateConnection)
                    .singleElement().satisfies(seen -> assertThat(seen.key()).isEqualTo("acc-sbx"));
            assertThat(worker.commands).filteredOn(seen -> seen.value() instanceof SandboxFault)
                    .extracting(seen -> seen.key() + ":" + ((SandboxFault) seen.value()).kind().wireName())
                    .containsExactly("acc-sbx:logged_out", "acc-sbx:disconnect");
        });
    }

    @Test
    void sandboxStatsAreReadFromTheSharedNetworksRecords() {
        client.get().uri("/sandbox/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.code").isEqualTo("SUCCESS")
                .jsonPath("$.results.live_connections").isEqualTo(0)
                .jsonPath("$.results.conflicts").isEqualTo(0);

        Date future = Date.from(Instant.now().plusSeconds(60));
        mongo.insertAll(Mono.just(List.of(
                new Document("_id", "s1").append("connection_id", "c1").append("worker", "w1").append("expires_at", future),
                new Document("_id", "s2").append("connection_id", "c2").append("worker", "w2").append("expires_at", future),
                new Document("_id", "s3").append("connection_id", "c3").append("worker", "dead")
                        .append("expires_at", Date.from(Instant.now().minusSeconds(60))))), "sandbox_connections")
                .blockLast();
        mongo.insert(new Document("_id", "network").append("conflicts", 3L).append("sends", 10L).append("deliveries", 7L),
                "sandbox_stats").block();

        client.get().uri("/sandbox/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo(200)
                .jsonPath("$.results.live_connections").isEqualTo(2)
                .jsonPath("$.results.conflicts").isEqualTo(3)
                .jsonPath("$.results.sends").isEqualTo(10)
                .jsonPath("$.results.deliveries").isEqualTo(7);
    }

    @Test
    void webhookPolicyIsStoredShownAndResetBySeedStyleBodies() {
        create("acc-policy").expectStatus().isCreated();
        Map<String, Object> withPolicy = Map.of("webhook_url", "https://example.com/policy", "secret", "policy-secret",
                "events", List.of("message", "message.ack", "message"), "max_attempts", 7,
                "headers", Map.of("Authorization", "Bearer t0k3n", "X-Tenant", "t-1"));
        post("/accounts/acc-policy/webhook", withPolicy).expectStatus().isOk().expectBody()
                .jsonPath("$.results.max_attempts").isEqualTo(7);
        client.get().uri("/accounts/acc-policy/webhook").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.webhook_url").isEqualTo("https://example.com/policy")
                .jsonPath("$.results.secret").isEqualTo("********")
                .jsonPath("$.results.events").isEqualTo(List.of("message", "message.ack"))
                .jsonPath("$.results.max_attempts").isEqualTo(7)
                // header values are write-only, as the secret: they often carry the receiver's credentials
                .jsonPath("$.results.headers['X-Tenant']").isEqualTo("********")
                .jsonPath("$.results.headers.Authorization").isEqualTo("********");
        Document stored = mongo.findById("acc-policy", Document.class, "account_webhooks").block();
        assertThat(stored.getList("events", String.class)).containsExactly("message", "message.ack");
        assertThat(stored.get("max_attempts")).isEqualTo(7);
        assertThat(stored.get("headers", Document.class)).containsEntry("X-Tenant", "t-1").hasSize(2);

        post("/accounts/acc-policy/webhook", Map.of("webhook_url", "https://example.com/seed", "secret", "seed-secret"))
                .expectStatus().isOk();
        client.get().uri("/accounts/acc-policy/webhook").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.webhook_url").isEqualTo("https://example.com/seed")
                .jsonPath("$.results.secret_set").isEqualTo(true)
                .jsonPath("$.results.events").isEmpty()
                .jsonPath("$.results.max_attempts").isEmpty()
                .jsonPath("$.results.headers").isEmpty();
        Document seedStyle = mongo.findById("acc-policy", Document.class, "account_webhooks").block();
        assertThat(seedStyle).doesNotContainKeys("events", "max_attempts", "headers");
        assertThat(sealedWebhookSecret(seedStyle)).isEqualTo("seed-secret");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.config)
                .filteredOn(seen -> seen.key().equals("acc-policy")).hasSize(2)
                .allMatch(seen -> seen.value() != null && seen.value().contains("\"deleted\":false")
                        && !seen.value().contains("secret") && !seen.value().contains("t0k3n")));
    }

    @Test
    void invalidWebhookPoliciesAreRefusedAndStoreNothing() {
        create("acc-badpolicy").expectStatus().isCreated();
        post("/accounts/acc-badpolicy/webhook", withWebhook("events", List.of("message"))).expectStatus().isOk();
        Document before = mongo.findById("acc-badpolicy", Document.class, "account_webhooks").block();

        post("/accounts/acc-badpolicy/webhook", withWebhook("events", List.of("message", "message.bogus")))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("'message.bogus'"));
        post("/accounts/acc-badpolicy/webhook", withWebhook("headers", Map.of("X-Webhook-Id", "forged")))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("'X-Webhook-Id' is reserved"));
        Map<String, String> tooMany = new java.util.HashMap<>();
        for (int i = 0; i < 21; i++) {
            tooMany.put("X-H" + i, "v");
        }
        for (Map<String, Object> bad : List.of(withWebhook("events", List.of()), withWebhook("events", "message"),
                withWebhook("max_attempts", 0), withWebhook("max_attempts", 51), withWebhook("max_attempts", 2.5),
                withWebhook("max_attempts", "many"), withWebhook("headers", Map.of("Content-Type", "text/plain")),
                withWebhook("headers", Map.of("webhook-signature", "v1,x")),
                withWebhook("headers", Map.of("X-Account-Id", "other")),
                withWebhook("headers", Map.of("host", "evil.example")),
                withWebhook("headers", Map.of("X-Custom", "a\r\nX-Injected: 1")),
                withWebhook("headers", Map.of("Bad Name", "v")), withWebhook("headers", tooMany),
                withWebhook("headers", List.of("X-A: b")), withWebhook("webhook_url", "http://"))) {
            badRequest(post("/accounts/acc-badpolicy/webhook", bad));
        }
        assertThat(mongo.findById("acc-badpolicy", Document.class, "account_webhooks").block()).isEqualTo(before);
        post("/accounts/ghost/webhook", withWebhook("events", List.of("message"))).expectStatus().isNotFound();
    }

    @Test
    void theDeliveryLogPagesAndFiltersNewestFirst() {
        create("acc-log").expectStatus().isCreated();
        create("acc-log-other").expectStatus().isCreated();
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        insertDelivery("log-1", "acc-log", "delivered", 1, t0.plusSeconds(1));
        insertDelivery("log-2", "acc-log", "dead", 5, t0.plusSeconds(2));
        insertDelivery("log-3", "acc-log", "failed", 1, t0.plusSeconds(3));
        insertDelivery("log-4", "acc-log", "dead", 5, t0.plusSeconds(4));
        insertDelivery("log-5", "acc-log", "filtered", 0, t0.plusSeconds(5));
        insertDelivery("log-x", "acc-log-other", "dead", 5, t0.plusSeconds(6));
        insertAttempt("log-2", null, "connect timed out");
        insertAttempt("log-2", 500, "HTTP 500");

        String base = "/accounts/acc-log/webhook/deliveries";
        client.get().uri(base).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.total").isEqualTo(5)
                .jsonPath("$.results.page").isEqualTo(0)
                .jsonPath("$.results.size").isEqualTo(20)
                .jsonPath("$.results.items[*].event_id").isEqualTo(List.of("log-5", "log-4", "log-3", "log-2", "log-1"))
                .jsonPath("$.results.items[1].event").isEqualTo("message")
                .jsonPath("$.results.items[1].url").isEqualTo("https://example.com/hook")
                .jsonPath("$.results.items[1].outcome").isEqualTo("dead")
                .jsonPath("$.results.items[1].attempts").isEqualTo(5)
                .jsonPath("$.results.items[1].last_status_code").isEqualTo(500)
                .jsonPath("$.results.items[1].last_error").isEqualTo("HTTP 500")
                .jsonPath("$.results.items[1].created_at").isEqualTo("2024-12-31T23:59:04Z")
                .jsonPath("$.results.items[1].updated_at").isEqualTo("2025-01-01T00:00:04Z")
                .jsonPath("$.results.items[1].body").doesNotExist();
        client.get().uri(base + "?outcome=dead").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.total").isEqualTo(2)
                .jsonPath("$.results.items[*].event_id").isEqualTo(List.of("log-4", "log-2"));
        client.get().uri(base + "?page=1&size=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.total").isEqualTo(5)
                .jsonPath("$.results.page").isEqualTo(1)
                .jsonPath("$.results.size").isEqualTo(2)
                .jsonPath("$.results.items[*].event_id").isEqualTo(List.of("log-3", "log-2"));
        client.get().uri(base + "?page=3&size=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.items").isEmpty();
        for (String bad : new String[]{"outcome=bogus", "outcome=", "page=-1", "page=x", "size=0", "size=101",
                "size=1.5", "page=99999999999"}) {
            badRequest(client.get().uri(base + "?" + bad).exchange());
        }
        client.get().uri("/accounts/ghost/webhook/deliveries").exchange().expectStatus().isNotFound();

        client.get().uri(base + "/log-2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.delivery.event_id").isEqualTo("log-2")
                .jsonPath("$.results.delivery.outcome").isEqualTo("dead")
                .jsonPath("$.results.attempts[*].attempt").isEqualTo(List.of(4, 5))
                .jsonPath("$.results.attempts[0].status_code").isEmpty()
                .jsonPath("$.results.attempts[0].error").isEqualTo("connect timed out")
                .jsonPath("$.results.attempts[1].status_code").isEqualTo(500)
                .jsonPath("$.results.attempts[1].latency_ms").isEqualTo(42)
                .jsonPath("$.results.attempts[1].url").isEqualTo("https://example.com/hook")
                .jsonPath("$.results.body.id").isEqualTo("log-2")
                .jsonPath("$.results.body.payload.body").isEqualTo("hi");
        client.get().uri(base + "/log-x").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("NOT_FOUND");
        client.get().uri(base + "/no-such-event").exchange().expectStatus().isNotFound();
        client.get().uri("/accounts/ghost/webhook/deliveries/log-2").exchange().expectStatus().isNotFound();
    }

    @Test
    void redeliveringAnEventRepublishesTheStoredBytesWithTheAccountKey() {
        create("acc-redo").expectStatus().isCreated();
        create("acc-redo-other").expectStatus().isCreated();
        // spacing and escapes a re-serialization would change: only the stored bytes pass
        String body = "{\"id\": \"redo-1\",  \"event\":\"message\", \"account_id\":\"acc-redo\", "
                + "\"timestamp\":\"2025-01-01T00:00:00Z\", \"payload\": {\"body\": \"h\u00e9llo \u2713 \\u0041\"}, "
                + "\"schema_version\":1}";
        insertDelivery("redo-1", "acc-redo", "dead", 5, Instant.now().minusSeconds(30), body);
        insertDelivery("redo-other", "acc-redo-other", "dead", 5, Instant.now().minusSeconds(30));

        client.post().uri("/accounts/acc-redo/webhook/deliveries/redo-1/redeliver").exchange()
                .expectStatus().isAccepted().expectBody()
                .jsonPath("$.status").isEqualTo(202)
                .jsonPath("$.code").isEqualTo("SUCCESS")
                .jsonPath("$.results.event_id").isEqualTo("redo-1")
                .jsonPath("$.results.outcome").isEqualTo("pending");
        assertThat(outcomeOf("redo-1")).isEqualTo("pending");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.events)
                .filteredOn(seen -> seen.key().equals("acc-redo")).singleElement()
                .satisfies(seen -> assertThat(seen.value()).isEqualTo(body.getBytes(StandardCharsets.UTF_8))));

        client.post().uri("/accounts/acc-redo/webhook/deliveries/redo-1/redeliver").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        client.post().uri("/accounts/acc-redo/webhook/deliveries/redo-other/redeliver").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        client.post().uri("/accounts/acc-redo/webhook/deliveries/no-such-event/redeliver").exchange()
                .expectStatus().isNotFound();
        client.post().uri("/accounts/ghost/webhook/deliveries/redo-1/redeliver").exchange().expectStatus().isNotFound();
        assertThat(outcomeOf("redo-other")).isEqualTo("dead");
        assertThat(worker.events).noneMatch(seen -> seen.key().equals("acc-redo-other"));
    }

    @Test
    void bulkRedeliveryTakesTheDeadOnesInBoundedBatches() {
        create("acc-bulk").expectStatus().isCreated();
        Instant t0 = Instant.now().minusSeconds(600);
        for (int i = 1; i <= 3; i++) {
            insertDelivery("bulk-" + i, "acc-bulk", "dead", 5, t0.plusSeconds(i));
        }
        insertDelivery("bulk-4", "acc-bulk", "failed", 1, t0.plusSeconds(4));
        insertDelivery("bulk-5", "acc-bulk", "delivered", 1, t0.plusSeconds(5));
        String bulk = "/accounts/acc-bulk/webhook/deliveries/redeliver";

        client.post().uri(bulk).exchange().expectStatus().isAccepted().expectBody()
                .jsonPath("$.results.outcome").isEqualTo("dead")
                .jsonPath("$.results.redelivered").isEqualTo(2)
                .jsonPath("$.results.has_more").isEqualTo(true);
        post(bulk, Map.of()).expectStatus().isAccepted().expectBody()
                .jsonPath("$.results.redelivered").isEqualTo(1)
                .jsonPath("$.results.has_more").isEqualTo(false);
        post(bulk, Map.of("outcome", "dead")).expectStatus().isAccepted().expectBody()
                .jsonPath("$.results.redelivered").isEqualTo(0);
        badRequest(post(bulk, Map.of("outcome", "delivered")));
        badRequest(post(bulk, Map.of("outcome", "pending")));
        post(bulk, Map.of("outcome", "failed")).expectStatus().isAccepted().expectBody()
                .jsonPath("$.results.outcome").isEqualTo("failed")
                .jsonPath("$.results.redelivered").isEqualTo(1);
        client.post().uri("/accounts/ghost/webhook/deliveries/redeliver").exchange().expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.events)
                .filteredOn(seen -> seen.key().equals("acc-bulk"))
                .extracting(seen -> Document.parse(new String(seen.value(), StandardCharsets.UTF_8)).getString("id"))
                .containsExactlyInAnyOrder("bulk-1", "bulk-2", "bulk-3", "bulk-4"));
        for (int i = 1; i <= 4; i++) {
            assertThat(outcomeOf("bulk-" + i)).isEqualTo("pending");
        }
        assertThat(outcomeOf("bulk-5")).isEqualTo("delivered");
    }

    private static Map<String, Object> withWebhook(String field, Object value) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("webhook_url", "https://example.com/policy",
                "secret", "a-secret"));
        body.put(field, value);
        return body;
    }

    private void insertDelivery(String eventId, String account, String outcome, int attempts, Instant updatedAt) {
        insertDelivery(eventId, account, outcome, attempts, updatedAt, "{\"id\":\"" + eventId + "\",\"event\":\"message\","
                + "\"account_id\":\"" + account + "\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"payload\":{\"body\":\"hi\"},"
                + "\"schema_version\":1}");
    }

    private void insertDelivery(String eventId, String account, String outcome, int attempts, Instant updatedAt,
                                String body) {
        boolean failing = outcome.equals("dead") || outcome.equals("failed");
        mongo.insert(new Document("_id", eventId).append("account_id", account).append("event", "message")
                .append("url", "https://example.com/hook").append("outcome", outcome).append("attempts", attempts)
                .append("last_status_code", attempts == 0 ? null : failing ? 500 : 200)
                .append("last_error", failing ? "HTTP 500" : null).append("body", body)
                .append("created_at", Date.from(updatedAt.minusSeconds(60))).append("updated_at", Date.from(updatedAt)),
                "webhook_deliveries").block();
    }

    /** Appends an attempt to the delivery's attempt log, as the webhook worker does (its latest attempts, oldest first). */
    private void insertAttempt(String eventId, Integer status, String error) {
        Document attempt = new Document("url", "https://example.com/hook").append("status_code", status)
                .append("latency_ms", 42L).append("error", error).append("at", new Date());
        mongo.updateFirst(Query.query(where("_id").is(eventId)), new Update().push("attempt_log", attempt),
                "webhook_deliveries").block();
    }

    private String outcomeOf(String eventId) {
        return mongo.findById(eventId, Document.class, "webhook_deliveries").block().getString("outcome");
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
