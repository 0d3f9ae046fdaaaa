package io.wafleet.webhook.kafka;

/**
 * Bounds the deliveries one consumer has in flight: at {@code max} it pauses the consumer (all its
 * partitions), and resumes it once the deliveries in flight have fallen to three quarters of that.
 * Records of the poll being handed over still start, so the bound is exceeded by at most one poll.
 * Pausing and resuming happen under the window's lock, so they cannot overtake each other.
 */
final class InFlightWindow {

    private final int max;
    private final int resumeAt;
    private final Runnable pause;
    private final Runnable resume;
    private int inFlight;
    private boolean paused;

    InFlightWindow(int max, Runnable pause, Runnable resume) {
        this.max = max;
        this.resumeAt = max * 3 / 4;
        this.pause = pause;
        this.resume = resume;
    }

    synchronized void started() {
        inFlight++;
        if (!paused && inFlight >= max) {
            paused = true;
            pause.run();
        }
    }

    synchronized void finished() {
        inFlight--;
        if (paused && inFlight <= resumeAt) {
            paused = false;
            resume.run();
        }
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized boolean isPaused() {
        return paused;
    }
}
