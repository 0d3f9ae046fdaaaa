package io.wafleet.infra.process;

import io.wafleet.session.SessionWorkerApplication;

import java.nio.file.Path;

/** One session worker JVM, started by {@link SessionWorkerLauncher}. */
public final class SessionWorkerProcess extends WorkerProcess {

    SessionWorkerProcess(String id, Process process, Path log) {
        super("session worker", SessionWorkerApplication.class, id, process, log);
    }
}
