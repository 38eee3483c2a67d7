package dev.pullfix.model.lab.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.stream.ChunkedInput;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A list answer gzip-compressed as the API server compresses it for a client that sends {@code Accept-Encoding:
 * gzip} (kubectl does): only when the body reaches 128 KiB, at level 1 (the API server's
 * {@code defaultGzipThresholdBytes} and {@code defaultGzipContentEncodingLevel}), streamed chunk by chunk so a large
 * list is still never held whole. The first 128 KiB are read ahead to decide, before the headers are sent.
 */
final class GzipListInput implements ChunkedInput<ByteBuf> {
    static final int THRESHOLD = 128 * 1024;
    private static final int LEVEL = 1;
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final ChunkedInput<ByteBuf> plain;
    private final Deque<ByteBuf> ahead = new ArrayDeque<>();
    private final boolean compressed;
    private final Deflater deflater = new Deflater(LEVEL, true);
    private final CRC32 crc = new CRC32();
    private final byte[] in = new byte[64 * 1024];
    private final byte[] out = new byte[64 * 1024];
    private boolean headerDone;
    private boolean end;
    private long bytes;

    /** Reads ahead up to {@link #THRESHOLD} bytes of {@code plain} to decide whether to compress. */
    GzipListInput(ChunkedInput<ByteBuf> plain, ByteBufAllocator alloc) throws Exception {
        this.plain = plain;
        long read = 0;
        while (read < THRESHOLD && !plain.isEndOfInput()) {
            ByteBuf b = plain.readChunk(alloc);
            if (b == null) {
                break;
            }
            read += b.readableBytes();
            ahead.add(b);
        }
        this.compressed = read >= THRESHOLD;
    }

    /** Whether the answer is gzip-compressed (send {@code Content-Encoding: gzip}). */
    boolean compressed() {
        return compressed;
    }

    /**
     * The body of the list answer {@code plain} to {@code req}: compressed when the client accepts gzip and the body
     * reaches the threshold, and then {@code Content-Encoding: gzip} is set on {@code resp}.
     */
    static ChunkedInput<ByteBuf> body(HttpRequest req, HttpResponse resp, ChunkedInput<ByteBuf> plain,
                                      ByteBufAllocator alloc) {
        if (!acceptsGzip(req.headers().get(HttpHeaderNames.ACCEPT_ENCODING))) {
            return plain;
        }
        GzipListInput gzip;
        try {
            gzip = new GzipListInput(plain, alloc);
        } catch (Exception e) {
            throw new IllegalStateException("reading the list answer", e);
        }
        if (gzip.compressed()) {
            resp.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        return gzip;
    }

    /** {@code gzip} listed in an Accept-Encoding value and not refused with {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] v = part.trim().split(";");
            if (v[0].trim().equalsIgnoreCase("gzip")
                    && !(v.length > 1 && v[1].replace(" ", "").matches("q=0(\\.0*)?"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isEndOfInput() throws Exception {
        return end || !compressed && ahead.isEmpty() && plain.isEndOfInput();
    }

    @Override
    public void close() throws Exception {
        end = true;
        ahead.forEach(ByteBuf::release);
        ahead.clear();
        deflater.end();
        plain.close();
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) throws Exception {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator alloc) throws Exception {
        if (!compressed) {
            ByteBuf b = ahead.poll();
            return b != null ? b : plain.isEndOfInput() ? null : plain.readChunk(alloc);
        }
        if (end) {
            return null;
        }
        ByteBuf buf = alloc.buffer(out.length + 64);
        if (!headerDone) {
            buf.writeBytes(GZIP_HEADER);
            headerDone = true;
        }
        // feed plain chunks until the deflater gives something, or the input ends
        while (buf.readableBytes() < 16 * 1024) {
            ByteBuf next = ahead.poll();
            if (next == null && !plain.isEndOfInput()) {
                next = plain.readChunk(alloc);
            }
            if (next == null) {
                deflater.finish();
                drain(buf);
                writeTrailer(buf);
                end = true;
                break;
            }
            try {
                while (next.isReadable()) {
                    int n = Math.min(in.length, next.readableBytes());
                    next.readBytes(in, 0, n);
                    crc.update(in, 0, n);
                    deflater.setInput(in, 0, n);
                    while (!deflater.needsInput()) {
                        drain(buf);
                    }
                }
            } finally {
                next.release();
            }
        }
        bytes += buf.readableBytes();
        return buf;
    }

    private void drain(ByteBuf buf) {
        int n;
        while ((n = deflater.deflate(out)) > 0) {
            buf.writeBytes(out, 0, n);
        }
    }

    private void writeTrailer(ByteBuf buf) {
        while (!deflater.finished()) {
            int n = deflater.deflate(out);
            buf.writeBytes(out, 0, n);
        }
        buf.writeIntLE((int) crc.getValue());
        buf.writeIntLE((int) deflater.getBytesRead());
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
