package io.wafleet.session.session;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this worker has restored the sessions of the partitions it is assigned: it has had an
 * assignment (a worker that has not joined the group yet has restored nothing), no assignment is being
 * handled right now, and no restore is queued, running or waiting to be tried again. A new assignment
 * makes it false until that assignment's restores are done; so does an account the reconciler queues.
 */
@Component
class RestoreProgress {

    /** The backlog as {@code sessions} readiness shows it. */
    record Snapshot(boolean assigned, int assigning, int queued, int restoring) {

        boolean restored() {
            return assigned && assigning == 0 && queued == 0 && restoring == 0;
        }
    }

    private final StartQueue starts;
    private final AtomicInteger assigning = new AtomicInteger();
    private volatile boolean assigned;

    RestoreProgress(StartQueue starts) {
        this.starts = starts;
    }

    /** A consumer's assignment callback began: its restores are about to be queued. */
    void assignmentStarted() {
        assigning.incrementAndGet();
    }

    /** That callback ended: its restores are queued. */
    void assignmentFinished() {
        assigned = true;
        assigning.decrementAndGet();
    }

    Snapshot snapshot() {
        // read in this order: a callback that just ended has queued its restores, and a restore leaves
        // the queue only after it counts as running
        int handling = assigning.get();
        boolean hadOne = assigned;
        int queued = starts.queued();
        return new Snapshot(hadOne, handling, queued, starts.restoring());
    }
}
