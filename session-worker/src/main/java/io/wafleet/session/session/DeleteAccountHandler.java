package io.wafleet.session.session;

import io.wafleet.common.command.DeleteAccount;
import org.springframework.stereotype.Component;

/**
 * The gateway deleted the account: its device is logged out and the worker's data for it (stored
 * login, message and action records) dropped. The account document is already gone, so nothing is written there.
 */
@Component
class DeleteAccountHandler implements CommandHandler<DeleteAccount> {

    private final SessionService sessions;
    private final MessageStore messages;
    private final ActionStore actions;

    DeleteAccountHandler(SessionService sessions, MessageStore messages, ActionStore actions) {
        this.sessions = sessions;
        this.messages = messages;
        this.actions = actions;
    }

    @Override
    public Class<DeleteAccount> type() {
        return DeleteAccount.class;
    }

    @Override
    public void handle(DeleteAccount command) {
        sessions.delete(command.accountId());
        messages.deleteAll(command.accountId());
        actions.deleteAll(command.accountId());
    }
}
