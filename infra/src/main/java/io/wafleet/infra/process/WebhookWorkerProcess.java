package io.wafleet.infra.process;

import io.wafleet.webhook.WebhookWorkerApplication;

import java.nio.file.Path;

/** One webhook worker JVM, started by {@link WebhookWorkerLauncher}. */
public final class WebhookWorkerProcess extends WorkerProcess {

    WebhookWorkerProcess(String id, Process process, Path log) {
        super("webhook worker", WebhookWorkerApplication.class, id, process, log);
    }
}
