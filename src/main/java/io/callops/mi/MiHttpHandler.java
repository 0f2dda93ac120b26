package io.callops.mi;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the MI: {@code POST /mi} with a JSON-RPC body; everything else is answered
 * with the HTTP status the reference uses. Runs on the MI event loop and never waits for a
 * command: the response is written when the command's stage completes.
 *
 * <p>One instance per connection. HTTP/1.1 clients may pipeline, and answers must leave in
 * request order, so requests wait in {@link #queue} while one is being answered.
 */
final class MiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(MiHttpHandler.class);
    static final String PATH = "/mi";

    static final String METRICS_PATH = "/metrics";

    private final JsonRpcDispatcher dispatcher;
    private final Supplier<String> metrics;
    private final byte[] expectedAuthorization;
    /** Touched on the connection's event loop only. */
    private final ArrayDeque<FullHttpRequest> queue = new ArrayDeque<>();
    private boolean answering;

    MiHttpHandler(JsonRpcDispatcher dispatcher, String token, Supplier<String> metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.expectedAuthorization = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        queue.add(request.retain());
        if (!answering) {
            next(ctx);
        }
    }

    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest request = queue.poll();
        if (request == null || !ctx.channel().isActive()) {
            if (request != null) {
                request.release();
            }
            return;
        }
        answering = true;
        try {
            answer(ctx, request);
        } finally {
            request.release();
        }
    }

    /** Called once the answer to the current request has been handed to the channel. */
    private void answered(ChannelHandlerContext ctx) {
        answering = false;
        next(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        FullHttpRequest r;
        while ((r = queue.poll()) != null) {
            r.release();
        }
        super.channelInactive(ctx);
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            send(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Bad HTTP request\n"), false);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (metrics != null && path.equals(METRICS_PATH)) {
            answerMetrics(ctx, request, keepAlive);
            return;
        }
        if (!path.equals(PATH) && !path.equals(PATH + "/")) {
            send(ctx, plain(HttpResponseStatus.NOT_FOUND, "Not found; the MI is at POST " + PATH + "\n"), keepAlive);
            return;
        }
        if (refused(ctx, request, HttpMethod.POST, keepAlive)) {
            return;
        }
        if (request.content().readableBytes() == 0) {
            send(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Empty body; send a JSON-RPC 2.0 request\n"), keepAlive);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        // The stage may complete on any thread; the answer is sent from the event loop so that the
        // queue stays single-threaded.
        dispatcher.dispatch(body).whenComplete((answer, failure) -> ctx.executor().execute(() -> {
            if (failure != null) {
                log.error("MI request failed", failure);
                send(ctx, plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error\n"), false);
            } else if (answer.isEmpty()) {
                send(ctx, response(HttpResponseStatus.ACCEPTED, new byte[0], null), keepAlive);
            } else {
                send(ctx, response(HttpResponseStatus.OK, answer.get(), "application/json"), keepAlive);
            }
        }));
    }

    /** Prometheus scrapes with GET; the same token rule as the MI applies. */
    private void answerMetrics(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        if (refused(ctx, request, HttpMethod.GET, keepAlive)) {
            return;
        }
        send(ctx, response(HttpResponseStatus.OK, metrics.get().getBytes(StandardCharsets.UTF_8),
                "text/plain; version=0.0.4; charset=utf-8"), keepAlive);
    }

    /** Answers 405 for another method and 401 without the token; true when it answered. */
    private boolean refused(ChannelHandlerContext ctx, FullHttpRequest request, HttpMethod allowed, boolean keepAlive) {
        if (!request.method().equals(allowed)) {
            FullHttpResponse r = plain(HttpResponseStatus.METHOD_NOT_ALLOWED, "Use " + allowed.name() + "\n");
            r.headers().set(HttpHeaderNames.ALLOW, allowed.name());
            send(ctx, r, keepAlive);
            return true;
        }
        if (!authorized(request)) {
            FullHttpResponse r = plain(HttpResponseStatus.UNAUTHORIZED, "Authorization: Bearer <token> required\n");
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            send(ctx, r, keepAlive);
            return true;
        }
        return false;
    }

    private boolean authorized(FullHttpRequest request) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        // Constant-time comparison, so the token cannot be guessed byte by byte from timings.
        return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse plain(HttpResponseStatus status, String text) {
        return response(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String contentType) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        write(ctx, response, keepAlive);
        answered(ctx);
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("MI connection {} closed after an error: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
