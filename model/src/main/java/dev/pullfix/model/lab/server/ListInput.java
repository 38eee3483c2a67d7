package dev.pullfix.model.lab.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * A list answer produced lazily in ~64 KiB chunks straight from the store's iterator, so a 50,000-pod list
 * is never held as a whole in memory (Netty pulls the next chunk when the socket can take it).
 */
final class ListInput implements ChunkedInput<ByteBuf> {
    private static final int CHUNK = 64 * 1024;
    private final byte[] header;
    private final Iterator<StoredObject> items;
    private final Predicate<StoredObject> filter;
    private final Render.Format format;
    private final Render.Include include;
    private final long now;
    private boolean headerDone;
    private boolean end;
    private long count;
    private long bytes;

    ListInput(byte[] header, Iterator<StoredObject> items, Predicate<StoredObject> filter, Render.Format format,
              Render.Include include, long now) {
        this.header = header;
        this.items = items;
        this.filter = filter;
        this.format = format;
        this.include = include;
        this.now = now;
    }

    @Override
    public boolean isEndOfInput() {
        return end;
    }

    @Override
    public void close() {
        end = true;
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator alloc) {
        if (end) {
            return null;
        }
        ByteBuf buf = alloc.buffer(CHUNK + 4096);
        if (!headerDone) {
            buf.writeBytes(header);
            headerDone = true;
        }
        while (buf.readableBytes() < CHUNK && items.hasNext()) {
            StoredObject o = items.next();
            if (!filter.test(o)) {
                continue;
            }
            if (count++ > 0) {
                buf.writeByte(',');
            }
            Render.item(buf, o, format, include, now);
        }
        if (!items.hasNext()) {
            buf.writeBytes(Render.LIST_FOOTER);
            end = true;
        }
        bytes += buf.readableBytes();
        return buf;
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return bytes;
    }
}
