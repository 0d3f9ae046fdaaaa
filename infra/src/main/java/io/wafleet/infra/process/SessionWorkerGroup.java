package io.wafleet.infra.process;

import io.wafleet.common.Topics;

/**
 * The session workers' consumer group on the command topic. A login started on a partition about to
 * move loses its pending QR with it: tests log in once the group is {@link #settled settled}.
 */
public final class SessionWorkerGroup extends WorkerGroup {

    public static final String GROUP_ID = "wafleet-session-workers";

    public SessionWorkerGroup(String kafkaBootstrapServers) {
        super(kafkaBootstrapServers, GROUP_ID, Topics.COMMANDS);
    }
}
