package io.wafleet.infra.process;

import io.wafleet.common.Topics;

/**
 * The webhook workers' consumer group on the event topic ({@code wafleet.kafka.events-group}). A worker
 * that joins it mid-burst, or leaves it, moves partitions whose started deliveries are then redone.
 */
public final class WebhookWorkerGroup extends WorkerGroup {

    public static final String GROUP_ID = "wafleet-webhook-workers";

    public WebhookWorkerGroup(String kafkaBootstrapServers) {
        super(kafkaBootstrapServers, GROUP_ID, Topics.EVENTS);
    }
}
