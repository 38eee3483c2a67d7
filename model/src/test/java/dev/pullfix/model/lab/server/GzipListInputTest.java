package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The gzip list body: the API server's threshold and encoding, and a body that inflates to the very bytes. */
class GzipListInputTest {
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    /** {@code total} bytes of list-like JSON in chunks of {@code chunk} bytes. */
    private static ChunkedInput<ByteBuf> source(byte[] data, int chunk) {
        return new ChunkedInput<>() {
            int at;

            @Override
            public boolean isEndOfInput() {
                return at >= data.length;
            }

            @Override
            public void close() {
                at = data.length;
            }

            @Deprecated
            @Override
            public ByteBuf readChunk(io.netty.channel.ChannelHandlerContext ctx) {
                return readChunk(ctx.alloc());
            }

            @Override
            public ByteBuf readChunk(ByteBufAllocator alloc) {
                if (isEndOfInput()) {
                    return null;
                }
                int n = Math.min(chunk, data.length - at);
                ByteBuf b = alloc.buffer(n).writeBytes(data, at, n);
                at += n;
                return b;
            }

            @Override
            public long length() {
                return data.length;
            }

            @Override
            public long progress() {
                return at;
            }
        };
    }

    private static byte[] json(int bytes) {
        StringBuilder sb = new StringBuilder("{\"kind\":\"PodList\",\"items\":[");
        Random r = new Random(7);
        while (sb.length() < bytes) {
            sb.append("{\"metadata\":{\"name\":\"pod-").append(Long.toHexString(r.nextLong())).append("\"}},");
        }
        sb.setLength(bytes - 2);
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] drain(ChunkedInput<ByteBuf> in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!in.isEndOfInput()) {
            ByteBuf b = in.readChunk(ALLOC);
            if (b == null) {
                break;
            }
            byte[] a = new byte[b.readableBytes()];
            b.readBytes(a);
            b.release();
            out.write(a);
        }
        return out.toByteArray();
    }

    private static HttpResponse response() {
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    }

    private static DefaultFullHttpRequest request(String acceptEncoding) {
        DefaultFullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/pods");
        if (acceptEncoding != null) {
            req.headers().set("Accept-Encoding", acceptEncoding);
        }
        return req;
    }

    @Test
    void aLargeListForAGzipClientInflatesToTheSameBytes() throws Exception {
        byte[] data = json(1_000_000);
        HttpResponse resp = response();
        ChunkedInput<ByteBuf> body = GzipListInput.body(request("gzip, deflate"), resp, source(data, 64 * 1024), ALLOC);
        byte[] gz = drain(body);
        assertThat(resp.headers().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(gz.length).isLessThan(data.length / 2);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes()).isEqualTo(data);
    }

    @Test
    void aListUnderTheThresholdOrForAClientWithoutGzipIsSentAsItIs() throws Exception {
        byte[] small = json(GzipListInput.THRESHOLD - 1);
        HttpResponse resp = response();
        assertThat(drain(GzipListInput.body(request("gzip"), resp, source(small, 50_000), ALLOC))).isEqualTo(small);
        assertThat(resp.headers().contains("Content-Encoding")).isFalse();

        byte[] large = json(500_000);
        HttpResponse plain = response();
        assertThat(drain(GzipListInput.body(request(null), plain, source(large, 64 * 1024), ALLOC))).isEqualTo(large);
        assertThat(drain(GzipListInput.body(request("gzip;q=0, identity"), plain, source(large, 64 * 1024), ALLOC)))
                .isEqualTo(large);
        assertThat(plain.headers().contains("Content-Encoding")).isFalse();
    }

    @Test
    void theLabServerGzipsALargeListOrPageForAClientThatAsksButNotASmallOne() throws Exception {
        try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults())) {
            int pods = LabPopulation.generate(server.store(), new LabPopulation.Spec(300, 20, 0.1, 7,
                    java.time.Instant.now())).pods();
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(server.clientSslContext())
                    .build();
            java.util.function.BiFunction<String, String, java.net.http.HttpResponse<byte[]>> get = (path, ae) -> {
                var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path))
                        .header("Authorization", "Bearer " + server.token());
                if (ae != null) {
                    b.header("Accept-Encoding", ae);
                }
                try {
                    return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            var gz = get.apply("/api/v1/pods", "gzip");
            assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
            byte[] json = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
            assertThat(Json.MAPPER.readTree(json).path("items").size()).isEqualTo(pods);
            var plain = get.apply("/api/v1/pods", null);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.body()).isEqualTo(json);
            assertThat(gz.body().length).isLessThan(json.length / 4);
            var small = get.apply("/api/v1/pods?limit=2", "gzip");
            assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(Json.MAPPER.readTree(small.body()).path("items").size()).isEqualTo(2);
            var page = get.apply("/api/v1/pods?limit=400", "gzip");
            assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        }
    }
}
