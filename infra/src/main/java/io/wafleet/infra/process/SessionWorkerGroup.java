package io.wafleet.infra.process;

import io.wafleet.common.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The session workers' consumer group as the broker sees it, to tell when a fleet has settled: after
 * workers start, the cooperative rebalance moves partitions in two rounds, and a login that starts on
 * a partition about to move loses its pending QR with it.
 */
public final class SessionWorkerGroup implements AutoCloseable {

    public static final String GROUP_ID = "wafleet-session-workers";

    private final Admin admin;

    public SessionWorkerGroup(String kafkaBootstrapServers) {
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
    }

    /**
     * True when the group is stable with exactly {@code consumers} members (a worker has
     * {@code wafleet.kafka.concurrency} of them; {@link SessionWorkerLauncher#CONSUMERS_PER_WORKER} for the
     * workers it starts), every one of them assigned command partitions.
     */
    public boolean settled(int consumers) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP_ID)).describedGroups()
                    .get(GROUP_ID).get(5, TimeUnit.SECONDS);
            return group.groupState() == GroupState.STABLE
                    && group.members().size() == consumers
                    && group.members().stream().allMatch(member -> member.assignment().topicPartitions().stream()
                    .anyMatch(partition -> Topics.COMMANDS.equals(partition.topic())));
        } catch (ExecutionException | TimeoutException e) {
            return false; // the broker is not answering yet, or the group does not exist yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
