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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the MI: {@code POST /mi} with a JSON-RPC body; everything else is answered
 * with the HTTP status the reference uses. Runs on the MI event loop and never waits for a
 * command: the response is written when the command's stage completes, from whatever thread.
 */
final class MiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(MiHttpHandler.class);
    static final String PATH = "/mi";

    private final JsonRpcDispatcher dispatcher;
    private final byte[] expectedAuthorization;

    MiHttpHandler(JsonRpcDispatcher dispatcher, String token) {
        this.dispatcher = dispatcher;
        this.expectedAuthorization = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            send(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Bad HTTP request\n"), false);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (!path.equals(PATH) && !path.equals(PATH + "/")) {
            send(ctx, plain(HttpResponseStatus.NOT_FOUND, "Not found; the MI is at POST " + PATH + "\n"), keepAlive);
            return;
        }
        if (!request.method().equals(HttpMethod.POST)) {
            FullHttpResponse r = plain(HttpResponseStatus.METHOD_NOT_ALLOWED, "Use POST\n");
            r.headers().set(HttpHeaderNames.ALLOW, "POST");
            send(ctx, r, keepAlive);
            return;
        }
        if (!authorized(request)) {
            FullHttpResponse r = plain(HttpResponseStatus.UNAUTHORIZED, "Authorization: Bearer <token> required\n");
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            send(ctx, r, keepAlive);
            return;
        }
        if (request.content().readableBytes() == 0) {
            send(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Empty body; send a JSON-RPC 2.0 request\n"), keepAlive);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        dispatcher.dispatch(body).whenComplete((answer, failure) -> {
            if (failure != null) {
                log.error("MI request failed", failure);
                send(ctx, plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error\n"), false);
            } else if (answer.isEmpty()) {
                send(ctx, response(HttpResponseStatus.ACCEPTED, new byte[0], null), keepAlive);
            } else {
                send(ctx, response(HttpResponseStatus.OK, answer.get(), "application/json"), keepAlive);
            }
        });
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

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
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
