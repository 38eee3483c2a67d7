package dev.pullfix.model.lab.server;

import static dev.pullfix.model.lab.server.Requests.badDryRun;
import static dev.pullfix.model.lab.server.Requests.badRequestInvalid;
import static dev.pullfix.model.lab.server.Requests.body;
import static dev.pullfix.model.lab.server.Requests.bytes;
import static dev.pullfix.model.lab.server.Requests.dryRun;
import static dev.pullfix.model.lab.server.Requests.format;
import static dev.pullfix.model.lab.server.Requests.include;
import static dev.pullfix.model.lab.server.Requests.negotiate;
import static dev.pullfix.model.lab.server.Requests.param;
import static dev.pullfix.model.lab.server.Requests.parseLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** The HTTP/1.1 (and WebSocket watch) front end: routes Kubernetes API paths onto the {@link LabStore}. One per connection. */
final class HttpFront extends SimpleChannelInboundHandler<Object> {
    private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());
    private static final long DEFAULT_WATCH_SECONDS = 1800;

    private final LabStore store;
    private final Discovery discovery;
    private final LabApiServerOptions options;
    private WatchSession session;
    private WebSocketServerHandshaker handshaker;
    private final String token;

    HttpFront(LabStore store, Discovery discovery, LabApiServerOptions options, String token) {
        this.store = store;
        this.discovery = discovery;
        this.options = options;
        this.token = token;
    }

    /** What a request addresses, parsed from its path. */
    record Target(ResourceType type, String namespace, String name, String subresource) {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            handle(ctx, req);
        } else if (msg instanceof CloseWebSocketFrame close) {
            if (session != null) {
                session.finish();
            }
            if (handshaker != null) {
                handshaker.close(ctx.channel(), close.retain());
            } else {
                ctx.close();
            }
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (msg instanceof WebSocketFrame) {
            // clients send nothing meaningful on a watch socket
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (session != null && ctx.channel().isWritable()) {
            session.signal();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "connection error: " + Json.firstLine(cause));
        ctx.close();
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            sendStatus(ctx, req, ApiException.badRequest("malformed HTTP request"));
            return;
        }
        try {
            // the credentials it hands out, and no requests a web page could make
            LabRequestGuard.check(req, options.requireToken() ? token : null, options.tls(),
                    ((java.net.InetSocketAddress) ctx.channel().localAddress()).getPort());
            route(ctx, req);
        } catch (ApiException e) {
            sendStatus(ctx, req, e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request failed: " + req.method() + " " + req.uri(), e);
            sendStatus(ctx, req, new ApiException(500, "InternalError", "Internal error occurred: " + Json.firstLine(e), null, null, null));
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        String path = qs.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, List<String>> params = qs.parameters();
        HttpMethod method = req.method();
        if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")) {
            send(ctx, req, HttpResponseStatus.OK, "ok".getBytes(StandardCharsets.US_ASCII), "text/plain; charset=utf-8");
            return;
        }
        byte[] doc = discovery.get(path);
        if (doc != null) {
            if (method != HttpMethod.GET) {
                throw ApiException.methodNotAllowed(method.name());
            }
            send(ctx, req, HttpResponseStatus.OK, doc, "application/json");
            return;
        }
        Target t = parse(path);
        if (t == null) {
            throw ApiException.pathNotFound();
        }
        negotiate(req);
        boolean dryRun = dryRun(param(params, "dryRun"));
        if (t.subresource() != null) {
            subresource(ctx, req, t, dryRun);
            return;
        }
        if (t.name() == null) {
            if (method == HttpMethod.GET) {
                if (QueryBool.parse(param(params, "watch"))) {
                    watch(ctx, req, t, params);
                } else {
                    list(ctx, req, t, params);
                }
            } else if (method == HttpMethod.POST) {
                ObjectNode body = body(req);
                if (t.type() == ResourceTypes.EVENTS_V1) {
                    body = EventsV1.toCore(body);
                }
                StoredObject o = store.create(source(t.type()), t.namespace(), body, dryRun);
                sendObject(ctx, req, HttpResponseStatus.CREATED, view(t.type()).apply(o));
            } else if (method == HttpMethod.DELETE) {
                deleteCollection(ctx, req, t, params, dryRun);
            } else {
                throw ApiException.methodNotAllowed(method.name());
            }
            return;
        }
        if (method == HttpMethod.GET) {
            sendObject(ctx, req, HttpResponseStatus.OK, lookup(t).orElseThrow(() -> ApiException.notFound(t.type(), t.name())));
        } else if (t.type() == ResourceTypes.EVENTS_V1 && (method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
            throw ApiException.methodNotAllowed(method.name());
        } else if (method == HttpMethod.PUT) {
            sendObject(ctx, req, HttpResponseStatus.OK, store.update(t.type(), t.namespace(), t.name(), body(req), false, dryRun));
        } else if (method == HttpMethod.PATCH) {
            Patches.Type pt = Patches.Type.of(req.headers().get(HttpHeaderNames.CONTENT_TYPE));
            sendObject(ctx, req, HttpResponseStatus.OK, store.patch(t.type(), t.namespace(), t.name(), pt,
                    Json.parse(bytes(req)), false, dryRun));
        } else if (method == HttpMethod.DELETE) {
            String uid = null;
            String rv = null;
            if (req.content().isReadable()) {
                JsonNode opts = Json.parse(bytes(req));
                uid = Json.str(opts, "preconditions", "uid");
                rv = Json.str(opts, "preconditions", "resourceVersion");
                for (JsonNode d : opts.path("dryRun")) {
                    dryRun |= dryRun(d.asText());
                }
            }
            StoredObject gone = store.delete(source(t.type()), t.namespace(), t.name(), uid, rv, dryRun);
            ObjectNode s = Json.object();
            s.put("kind", "Status").put("apiVersion", "v1").putObject("metadata");
            s.put("status", "Success");
            ObjectNode d = s.putObject("details");
            d.put("name", gone.name());
            if (!t.type().group().isEmpty()) {
                d.put("group", t.type().group());
            }
            d.put("kind", t.type().plural()).put("uid", Json.str(gone.toJson(), "metadata", "uid"));
            send(ctx, req, HttpResponseStatus.OK, Json.bytes(s), "application/json");
        } else {
            throw ApiException.methodNotAllowed(method.name());
        }
    }

    private void subresource(ChannelHandlerContext ctx, FullHttpRequest req, Target t, boolean dryRun) {
        HttpMethod method = req.method();
        if (t.subresource().equals("status") && t.type().hasStatus()) {
            if (method == HttpMethod.GET) {
                sendObject(ctx, req, HttpResponseStatus.OK, store.get(t.type(), t.namespace(), t.name())
                        .orElseThrow(() -> ApiException.notFound(t.type(), t.name())));
            } else if (method == HttpMethod.PUT) {
                sendObject(ctx, req, HttpResponseStatus.OK, store.update(t.type(), t.namespace(), t.name(), body(req), true, dryRun));
            } else if (method == HttpMethod.PATCH) {
                Patches.Type pt = Patches.Type.of(req.headers().get(HttpHeaderNames.CONTENT_TYPE));
                sendObject(ctx, req, HttpResponseStatus.OK, store.patch(t.type(), t.namespace(), t.name(), pt,
                        Json.parse(bytes(req)), true, dryRun));
            } else {
                throw ApiException.methodNotAllowed(method.name());
            }
            return;
        }
        if (t.subresource().equals("log") && t.type() == ResourceTypes.PODS && method == HttpMethod.GET) {
            StoredObject pod = store.get(t.type(), t.namespace(), t.name()).orElseThrow(() -> ApiException.notFound(t.type(), t.name()));
            String container = param(new QueryStringDecoder(req.uri()).parameters(), "container");
            JsonNode node = pod.toJson();
            JsonNode statuses = node.path("status").path("containerStatuses");
            for (JsonNode cs : statuses) {
                if (container == null || container.equals(cs.path("name").asText())) {
                    container = cs.path("name").asText();
                    JsonNode waiting = cs.path("state").path("waiting");
                    if (!waiting.isMissingNode()) {
                        String r = waiting.path("reason").asText("");
                        String why = r.equals("ImagePullBackOff") || r.equals("ErrImagePull") ? "trying and failing to pull image"
                                : r.isEmpty() ? "ContainerCreating" : r;
                        throw ApiException.badRequest("container \"" + container + "\" in pod \"" + t.name() + "\" is waiting to start: " + why);
                    }
                    break;
                }
            }
            throw new ApiException(404, "NotFound", "the lab API server keeps no container logs (pod \"" + t.name()
                    + "\" is simulated)", t.name(), "", "pods");
        }
        throw ApiException.pathNotFound();
    }

    private Target parse(String path) {
        String[] seg = path.split("/");
        String apiVersion;
        int i;
        if (seg.length >= 3 && seg[1].equals("api")) {
            apiVersion = seg[2];
            i = 3;
        } else if (seg.length >= 4 && seg[1].equals("apis")) {
            apiVersion = seg[2] + "/" + seg[3];
            i = 4;
        } else {
            return null;
        }
        int n = seg.length - i;
        if (n <= 0) {
            return null;
        }
        if (n >= 3 && seg[i].equals("namespaces")) {
            Optional<ResourceType> nt = ResourceTypes.byPath(apiVersion, seg[i + 2]);
            if (nt.isPresent() && nt.get().namespaced()) {
                if (n > 5) {
                    return null;
                }
                return new Target(nt.get(), seg[i + 1], n >= 4 ? seg[i + 3] : null, n >= 5 ? seg[i + 4] : null);
            }
        }
        Optional<ResourceType> t = ResourceTypes.byPath(apiVersion, seg[i]);
        if (t.isEmpty() || n > 3) {
            return null;
        }
        if (t.get().namespaced() && n > 1) {
            return null;
        }
        return new Target(t.get(), null, n >= 2 ? seg[i + 1] : null, n >= 3 ? seg[i + 2] : null);
    }

    // ------------------------------------------------------------------ list & watch

    private void list(ChannelHandlerContext ctx, FullHttpRequest req, Target t, Map<String, List<String>> params) {
        Predicate<StoredObject> filter = filter(t, params);
        Render.Format f = format(req);
        Render.Include inc = include(params);
        long limit = parseLong(param(params, "limit"), "limit");
        String cont = param(params, "continue");
        String after = null;
        long rv = store.resourceVersion();
        if (cont != null && !cont.isEmpty()) {
            try {
                JsonNode token = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cont));
                after = token.path("start").asText();
                rv = token.path("rv").asLong(rv);
            } catch (Exception e) {
                throw ApiException.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }
        }
        Iterator<StoredObject> it = scan(t, after);
        long now = System.currentTimeMillis();
        ListInput input;
        if (limit > 0) {
            List<StoredObject> page = new ArrayList<>((int) Math.min(limit, 1000));
            while (page.size() < limit && it.hasNext()) {
                StoredObject o = it.next();
                if (filter.test(o)) {
                    page.add(o);
                }
            }
            String next = null;
            while (it.hasNext()) {
                if (filter.test(it.next())) {
                    StoredObject last = page.get(page.size() - 1);
                    ObjectNode token = Json.object();
                    token.put("v", "meta.k8s.io/v1").put("rv", rv).put("start", last.key());
                    next = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(token));
                    break;
                }
            }
            input = new ListInput(Render.listHeader(t.type(), f, rv, next), page.iterator(), Selectors.ALL, f, inc, now);
        } else {
            input = new ListInput(Render.listHeader(t.type(), f, rv, null), it, filter, f, inc, now);
        }
        HttpResponse resp = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setTransferEncodingChunked(resp, true);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(resp, keepAlive);
        io.netty.handler.stream.ChunkedInput<ByteBuf> body = GzipListInput.body(req, resp, input, ctx.alloc());
        ctx.write(resp);
        ChannelFuture done = ctx.writeAndFlush(new HttpChunkedInput(body));
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void watch(ChannelHandlerContext ctx, FullHttpRequest req, Target t, Map<String, List<String>> params) {
        Predicate<StoredObject> filter = filter(t, params);
        Render.Format f = format(req);
        Render.Include inc = include(params);
        String rvParam = param(params, "resourceVersion");
        boolean sendInitial = QueryBool.parse(param(params, "sendInitialEvents"));
        long head = store.resourceVersion();
        long cursor;
        Iterator<StoredObject> initial = null;
        if (sendInitial || rvParam == null || rvParam.isEmpty() || rvParam.equals("0")) {
            cursor = head;
            initial = scan(t, null);
        } else {
            cursor = parseLong(rvParam, "resourceVersion");
        }
        long timeout = param(params, "timeoutSeconds") == null ? DEFAULT_WATCH_SECONDS
                : Math.max(1, parseLong(param(params, "timeoutSeconds"), "timeoutSeconds"));
        boolean bookmarks = QueryBool.parse(param(params, "allowWatchBookmarks"));
        boolean ws = "websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE));
        if (ws) {
            String url = (options.tls() ? "wss://" : "ws://") + req.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + req.uri();
            WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory(url, null, true, 16 * 1024 * 1024);
            handshaker = factory.newHandshaker(req);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            handshaker.handshake(ctx.channel(), req);
        } else {
            HttpResponse resp = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setTransferEncodingChunked(resp, true);
            ctx.writeAndFlush(resp);
        }
        session = new WatchSession(store, ctx.channel(), ws, t.type(), source(t.type()), view(t.type()), filter, f, inc, cursor,
                initial, sendInitial);
        if (initial == null && cursor < head && store.changeAt(cursor + 1) == null) {
            // too old: the session answers the ERROR event (410) and ends
            session.start(timeout, 0);
            return;
        }
        session.start(timeout, bookmarks ? options.bookmarkInterval().toMillis() : 0);
    }

    private void deleteCollection(ChannelHandlerContext ctx, FullHttpRequest req, Target t, Map<String, List<String>> params,
                                  boolean dryRun) {
        Predicate<StoredObject> filter = filter(t, params);
        List<StoredObject> deleted = new ArrayList<>();
        Iterator<StoredObject> it = scan(t, null);
        while (it.hasNext()) {
            StoredObject o = it.next();
            if (filter.test(o)) {
                try {
                    deleted.add(store.delete(source(t.type()), o.namespace(), o.name(), null, null, dryRun));
                } catch (ApiException e) {
                    if (e.code() != 404) {
                        throw e;
                    }
                }
            }
        }
        ByteBuf buf = ctx.alloc().buffer();
        ListInput in = new ListInput(Render.listHeader(t.type(), Render.Format.FULL, store.resourceVersion(), null),
                deleted.iterator(), Selectors.ALL, Render.Format.FULL, Render.Include.NONE, System.currentTimeMillis());
        while (!in.isEndOfInput()) {
            ByteBuf c = in.readChunk(ctx.alloc());
            buf.writeBytes(c);
            c.release();
        }
        send(ctx, req, HttpResponseStatus.OK, buf, "application/json");
    }

    private Predicate<StoredObject> filter(Target t, Map<String, List<String>> params) {
        Predicate<StoredObject> labels = Selectors.labels(param(params, "labelSelector"));
        Predicate<StoredObject> fields = Selectors.fields(t.type(), param(params, "fieldSelector"));
        if (labels == Selectors.ALL && fields == Selectors.ALL && t.namespace() == null) {
            return Selectors.ALL;
        }
        String ns = t.namespace();
        return o -> (ns == null || ns.equals(o.namespace())) && labels.test(o) && fields.test(o);
    }

    // ------------------------------------------------------------------ helpers

    /** Where a type's objects are stored: events.k8s.io/v1 is a view of the core events. */
    static ResourceType source(ResourceType t) {
        return t == ResourceTypes.EVENTS_V1 ? ResourceTypes.EVENTS : t;
    }

    static Function<StoredObject, StoredObject> view(ResourceType t) {
        return t == ResourceTypes.EVENTS_V1 ? EventsV1::view : Function.identity();
    }

    private Iterator<StoredObject> scan(Target t, String after) {
        Iterator<StoredObject> it = store.scan(source(t.type()), t.namespace(), after);
        return t.type() == ResourceTypes.EVENTS_V1 ? EventsV1.map(it, EventsV1::view) : it;
    }

    private Optional<StoredObject> lookup(Target t) {
        return store.get(source(t.type()), t.namespace(), t.name()).map(view(t.type()));
    }

    private void sendObject(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, StoredObject o) {
        ByteBuf buf = ctx.alloc().buffer(o.jsonBytes().length + 1024);
        Render.Format f = req.method() == HttpMethod.GET ? format(req) : Render.Format.FULL;
        Render.single(buf, o, f, include(new QueryStringDecoder(req.uri()).parameters()), System.currentTimeMillis());
        send(ctx, req, status, buf, "application/json");
    }

    private void sendStatus(ChannelHandlerContext ctx, FullHttpRequest req, ApiException e) {
        send(ctx, req, HttpResponseStatus.valueOf(e.code()), Json.bytes(e.toStatus()), "application/json");
    }

    private void send(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, byte[] body, String type) {
        send(ctx, req, status, Unpooled.wrappedBuffer(body), type);
    }

    private void send(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, ByteBuf body, String type) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (keepAlive) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ChannelFuture f = ctx.writeAndFlush(resp);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

}
