package io.wafleet.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope for what the HTTP server refuses before any handler runs: a request line over its
 * limit (414, {@code server.netty.max-initial-line-length}) or headers over theirs (431). Reactor
 * Netty answers those itself with an empty body, which {@link ErrorEnvelopeHandler} never sees.
 */
@Component
class ServerRefusalEnvelope implements NettyServerCustomizer {

    private static final String HANDLER = "wafleet.serverRefusalEnvelope";
    private final JsonMapper mapper;

    ServerRefusalEnvelope(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Writer());
            }
        });
    }

    private byte[] envelope(int status) {
        String message = status == 414 ? "the request line is too long; send long values in a JSON body, not in the URL"
                : "the request headers are too large";
        return mapper.writeValueAsBytes(Envelope.error(status, message));
    }

    /** Fills the empty body of the server's own 414 and 431 answers. */
    private final class Writer extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof FullHttpResponse response && !response.content().isReadable()
                    && (response.status().code() == 414 || response.status().code() == 431)) {
                byte[] body = envelope(response.status().code());
                FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                filled.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                ctx.write(filled, promise);
            } else {
                ctx.write(msg, promise);
            }
        }
    }
}
