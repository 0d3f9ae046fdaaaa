package io.wafleet.infra.process;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.GroupState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A workers' consumer group as the broker sees it, to tell when a fleet has settled: after workers
 * start or leave, the cooperative rebalance moves partitions in two rounds, and work started on a
 * partition about to move is redone by its next owner.
 */
public abstract sealed class WorkerGroup implements AutoCloseable permits SessionWorkerGroup, WebhookWorkerGroup {

    private final String groupId;
    private final String topic;
    private final Admin admin;

    /** The group {@code groupId}, whose members consume {@code topic}. */
    WorkerGroup(String kafkaBootstrapServers, String groupId, String topic) {
        this.groupId = groupId;
        this.topic = topic;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
    }

    /**
     * True when the group is stable with exactly {@code consumers} members (each worker counts its
     * consumer threads: the launchers' {@code CONSUMERS_PER_WORKER} for the workers they start), every
     * one of them assigned partitions of the group's topic.
     */
    public boolean settled(int consumers) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                    .get(groupId).get(5, TimeUnit.SECONDS);
            return group.groupState() == GroupState.STABLE
                    && group.members().size() == consumers
                    && group.members().stream().allMatch(member -> member.assignment().topicPartitions().stream()
                    .anyMatch(partition -> topic.equals(partition.topic())));
        } catch (ExecutionException | TimeoutException e) {
            return false; // the broker is not answering yet, or the group does not exist yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Records of the group's topic not yet committed by it, over the partitions it has committed on; -1 if unknown. */
    public long lag() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            committed.keySet().stream().filter(partition -> topic.equals(partition.topic()))
                    .forEach(partition -> ends.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all()
                    .get(5, TimeUnit.SECONDS);
            return latest.entrySet().stream()
                    .mapToLong(end -> end.getValue().offset() - committed.get(end.getKey()).offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
