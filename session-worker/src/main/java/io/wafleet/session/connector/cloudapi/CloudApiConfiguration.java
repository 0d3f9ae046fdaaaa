package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.command.CloudApiInbound;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The Cloud API connector and its webhook command; always present, used by the accounts whose transport it is. */
@Configuration(proxyBeanMethods = false)
class CloudApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CloudApiConfiguration.class);

    @Bean
    CloudApiConnector cloudApiConnector(MongoTemplate mongo, SessionWorkerProperties properties, Clock clock,
                                        @Value("${spring.data.mongodb.gridfs.bucket:media}") String mediaBucket) {
        return new CloudApiConnector(new GraphApiClient(properties.cloudApi()), new CloudMessageIds(mongo, clock),
                new MediaFiles(mongo, mediaBucket), properties.cloudApi().timeout());
    }

    /**
     * A webhook of Meta's for an account whose session cannot be logged in here (logged out, or its token
     * refused) is dropped, and said so: Meta already has the gateway's 200 for it.
     */
    @Bean
    CommandHandler<CloudApiInbound> cloudApiInboundHandler(CloudApiConnector connector, SessionService sessions) {
        return new CommandHandler<>() {
            @Override
            public Class<CloudApiInbound> type() {
                return CloudApiInbound.class;
            }

            @Override
            public void handle(CloudApiInbound command) {
                if (!sessions.ensureLoggedIn(command.accountId()) || !connector.deliver(command)) {
                    log.warn("Cloud API webhook {} for account {} dropped: the account is not logged in",
                            command.commandId(), command.accountId());
                }
            }
        };
    }
}
