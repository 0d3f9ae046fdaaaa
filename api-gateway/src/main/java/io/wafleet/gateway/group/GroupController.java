package io.wafleet.gateway.group;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.CreateGroup;
import io.wafleet.common.command.GetGroupInfo;
import io.wafleet.common.command.LeaveGroup;
import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.command.UpdateGroupParticipants;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.common.event.Reply;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.ReplyClient;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The group endpoints of go-whatsapp-web-multidevice, with {@code account_id}: the account's session does
 * it on WhatsApp, so the account must have one (404 unknown, 409 {@code NOT_LOGGED_IN}), and the call waits
 * for its worker's answer (503 {@code TIMEOUT} when none comes in time). What WhatsApp refuses is a 4xx:
 * 404 for a group that does not exist, 403 {@code NOT_GROUP_MEMBER} / {@code NOT_GROUP_ADMIN} when the
 * account is not in the group or not an admin of it. A participant WhatsApp refuses on its own (not on
 * WhatsApp, already in the group, ...) does not fail the call: it is in the results with its reason.
 */
@RestController
@RequestMapping("/group")
class GroupController {

    record CreateRequest(String accountId, String title, List<String> participants) {
    }

    record ParticipantsRequest(String accountId, String groupId, List<String> participants) {
    }

    record LeaveRequest(String accountId, String groupId) {
    }

    /** {@code POST /group}'s results: the new group's id, and what became of each participant. */
    record Created(String groupId, List<ParticipantResult> participants) {
    }

    private final AccountStore accounts;
    private final ReplyClient replies;

    GroupController(AccountStore accounts, ReplyClient replies) {
        this.accounts = accounts;
        this.replies = replies;
    }

    @PostMapping
    Mono<ResponseEntity<Envelope>> create(@RequestBody CreateRequest request) {
        return call(() -> {
            AccountId account = Inputs.accountId(request.accountId(), "account_id");
            String subject = GroupInputs.title(request.title());
            List<String> participants = GroupInputs.participants(request.participants());
            return new Call(account, (id, replyTo) -> new CreateGroup(id, account, Command.SCHEMA_VERSION, subject,
                    participants, replyTo));
        }).map(reply -> Envelope.ok("group " + group(reply).groupId() + " created",
                new Created(group(reply).groupId(), reply.participants())));
    }

    @GetMapping("/info")
    Mono<ResponseEntity<Envelope>> info(@RequestParam(name = "account_id", required = false) String accountId,
                                        @RequestParam(name = "group_id", required = false) String groupId) {
        return call(() -> {
            AccountId account = Inputs.accountId(accountId, "account_id");
            String group = GroupInputs.groupId(groupId);
            return new Call(account, (id, replyTo) -> new GetGroupInfo(id, account, Command.SCHEMA_VERSION, group, replyTo));
        }).map(reply -> Envelope.ok("group info of " + groupId, group(reply)));
    }

    @PostMapping("/participants")
    Mono<ResponseEntity<Envelope>> add(@RequestBody ParticipantsRequest request) {
        return participants(request, ParticipantAction.ADD, "added to");
    }

    @PostMapping("/participants/remove")
    Mono<ResponseEntity<Envelope>> remove(@RequestBody ParticipantsRequest request) {
        return participants(request, ParticipantAction.REMOVE, "removed from");
    }

    @PostMapping("/participants/promote")
    Mono<ResponseEntity<Envelope>> promote(@RequestBody ParticipantsRequest request) {
        return participants(request, ParticipantAction.PROMOTE, "promoted to admins of");
    }

    @PostMapping("/participants/demote")
    Mono<ResponseEntity<Envelope>> demote(@RequestBody ParticipantsRequest request) {
        return participants(request, ParticipantAction.DEMOTE, "demoted from admins of");
    }

    @PostMapping("/leave")
    Mono<ResponseEntity<Envelope>> leave(@RequestBody LeaveRequest request) {
        return call(() -> {
            AccountId account = Inputs.accountId(request.accountId(), "account_id");
            String group = GroupInputs.groupId(request.groupId());
            return new Call(account, (id, replyTo) -> new LeaveGroup(id, account, Command.SCHEMA_VERSION, group, replyTo));
        }).map(reply -> Envelope.ok("left group " + request.groupId(), null));
    }

    /** Answers each participant's result; the message says how many the change took. */
    private Mono<ResponseEntity<Envelope>> participants(ParticipantsRequest request, ParticipantAction action, String done) {
        return call(() -> {
            AccountId account = Inputs.accountId(request.accountId(), "account_id");
            String group = GroupInputs.groupId(request.groupId());
            List<String> participants = GroupInputs.participants(request.participants());
            return new Call(account, (id, replyTo) -> new UpdateGroupParticipants(id, account, Command.SCHEMA_VERSION, group,
                    action, participants, replyTo));
        }).map(reply -> {
            List<ParticipantResult> results = reply.participants() == null ? List.of() : reply.participants();
            long changed = results.stream().filter(result -> ParticipantResult.SUCCESS.equals(result.status())).count();
            return Envelope.ok(changed + " of " + results.size() + " participants " + done + " " + request.groupId(), results);
        });
    }

    /** Validates (a 400 on bad input), checks the account can act, publishes the command and waits for its reply. */
    private Mono<Reply> call(Supplier<Call> validated) {
        return Mono.fromSupplier(validated).flatMap(call -> accounts.requireSendable(call.account())
                .then(replies.call(replyTo -> call.command().apply(MessageIds.newCommandId(), replyTo))));
    }

    private static GroupInfo group(Reply reply) {
        if (reply.group() == null) {
            throw ApiException.unavailable("the session worker gave no answer about the group");
        }
        return reply.group();
    }

    /** A validated call: the account, and its command around a command id and the reply address. */
    private record Call(AccountId account, BiFunction<String, ReplyTo, Command> command) {
    }
}
