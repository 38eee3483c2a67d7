package dev.pullfix.model.lab.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Iterator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One watch: reads the store's change ring from its cursor on the channel's event loop and writes one
 * event per line (HTTP chunked) or per text frame (WebSocket), pausing while the socket is full. A watch
 * that falls out of the ring gets the real server's ERROR event (410 Expired) and ends.
 */
final class WatchSession implements LabStore.Subscriber {
    private final LabStore store;
    private final Channel ch;
    private final boolean webSocket;
    private final ResourceType type;
    private final ResourceType source;
    private final java.util.function.Function<StoredObject, StoredObject> view;
    private final Predicate<StoredObject> match;
    private final Render.Format format;
    private final Render.Include include;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private long cursor;
    private Iterator<StoredObject> initial;
    private final boolean initialEndBookmark;
    private volatile boolean closed;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> bookmarks;

    WatchSession(LabStore store, Channel ch, boolean webSocket, ResourceType type, ResourceType source,
                 java.util.function.Function<StoredObject, StoredObject> view, Predicate<StoredObject> match,
                 Render.Format format, Render.Include include, long cursor, Iterator<StoredObject> initial,
                 boolean initialEndBookmark) {
        this.store = store;
        this.ch = ch;
        this.webSocket = webSocket;
        this.type = type;
        this.source = source;
        this.view = view;
        this.match = match;
        this.format = format;
        this.include = include;
        this.cursor = cursor;
        this.initial = initial;
        this.initialEndBookmark = initialEndBookmark;
    }

    void start(long timeoutSeconds, long bookmarkMillis) {
        store.subscribe(this);
        ch.closeFuture().addListener(f -> stop());
        timeout = ch.eventLoop().schedule(this::finish, timeoutSeconds, TimeUnit.SECONDS);
        if (bookmarkMillis > 0 && format != Render.Format.TABLE) {
            bookmarks = ch.eventLoop().scheduleAtFixedRate(this::bookmark, bookmarkMillis, bookmarkMillis, TimeUnit.MILLISECONDS);
        }
        signal();
    }

    @Override
    public void signal() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            ch.eventLoop().execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        if (closed) {
            return;
        }
        long now = System.currentTimeMillis();
        while (initial != null) {
            if (!ch.isWritable()) {
                ch.flush();
                return;
            }
            if (initial.hasNext()) {
                StoredObject o = initial.next();
                if (match.test(o)) {
                    write("ADDED", o, now);
                }
            } else {
                initial = null;
                if (initialEndBookmark) {
                    ByteBuf b = ch.alloc().buffer(200);
                    Render.bookmark(b, type, format, cursor, true);
                    send(b);
                }
            }
        }
        long h = store.resourceVersion();
        while (cursor < h) {
            if (!ch.isWritable()) {
                ch.flush();
                return;
            }
            Change c = store.changeAt(cursor + 1);
            if (c == null) {
                expired();
                return;
            }
            cursor = c.resourceVersion();
            emit(c, now);
        }
        ch.flush();
    }

    private void emit(Change c, long now) {
        if (c.resource() != source) {
            return;
        }
        StoredObject now0 = view.apply(c.object());
        boolean cur = match.test(now0);
        boolean prev = c.previous() != null && match.test(view.apply(c.previous()));
        switch (c.type()) {
            case ADDED -> {
                if (cur) {
                    write("ADDED", now0, now);
                }
            }
            case MODIFIED -> {
                if (cur && prev) {
                    write("MODIFIED", now0, now);
                } else if (cur) {
                    write("ADDED", now0, now);
                } else if (prev) {
                    write("DELETED", now0, now);
                }
            }
            case DELETED -> {
                if (cur || prev) {
                    write("DELETED", now0, now);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void write(String eventType, StoredObject o, long now) {
        ByteBuf b = ch.alloc().buffer(o.jsonBytes().length + 256);
        Render.event(b, eventType, o, format, include, now);
        send(b);
    }

    private void send(ByteBuf b) {
        if (webSocket) {
            ch.write(new TextWebSocketFrame(b));
        } else {
            b.writeByte('\n');
            ch.write(new DefaultHttpContent(b));
        }
    }

    private void bookmark() {
        if (closed || initial != null) {
            return;
        }
        drain();
        if (closed) {
            return;
        }
        ByteBuf b = ch.alloc().buffer(200);
        Render.bookmark(b, type, format, cursor, false);
        send(b);
        ch.flush();
    }

    private void expired() {
        ApiException e = ApiException.gone("too old resource version: " + cursor + " (" + (store.oldestWatchable() - 1) + ")");
        ByteBuf b = ch.alloc().buffer(400);
        b.writeBytes(Render.ascii("{\"type\":\"ERROR\",\"object\":"));
        b.writeBytes(Json.bytes(e.toStatus()));
        b.writeByte('}');
        send(b);
        finish();
    }

    /** Ends the watch normally (timeout, server shutdown, client close). */
    void finish() {
        if (closed) {
            return;
        }
        stop();
        if (!ch.isActive()) {
            return;
        }
        if (webSocket) {
            ch.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
        } else {
            ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void stop() {
        closed = true;
        store.unsubscribe(this);
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (bookmarks != null) {
            bookmarks.cancel(false);
        }
    }
}
