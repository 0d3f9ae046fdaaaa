package io.wafleet.session.session;

import io.wafleet.common.connector.ConnectorException;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits, bounded, for a connector call; every failure comes out as a {@link ConnectorException} with a reason. */
final class ConnectorCalls {

    private ConnectorCalls() {
    }

    static <T> T await(CompletionStage<T> call, Duration timeout) {
        try {
            return call.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectorException connector) {
                throw connector;
            }
            throw new ConnectorException("connector_error", String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new ConnectorException("timeout", "the connector did not answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted", "the worker is stopping");
        }
    }
}
