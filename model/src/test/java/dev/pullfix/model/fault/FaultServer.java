package dev.pullfix.model.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose, one plain thread per connection: it never answers
 * (a blackhole that accepts TCP), sends the headers and part of a body and then stalls, or sends part of a body
 * and cuts the connection. Counts connections and keeps the first line and headers of each request it read.
 */
public final class FaultServer implements AutoCloseable {

    /** How to misbehave. */
    public enum Mode {
        /** Accept TCP and read the request, never write a byte. */
        BLACKHOLE,
        /** 200 with a Content-Length of 1 MB, send {@code prefix}, then nothing (the socket stays open). */
        STALL_MID_BODY,
        /** 200 chunked, send {@code prefix}, then nothing. */
        STALL_MID_CHUNKED,
        /** 200 with a Content-Length of 1 MB, send {@code prefix}, then close the socket. */
        CUT_MID_BODY
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final byte[] prefix;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    public FaultServer(Mode mode, String prefix) throws IOException {
        this.mode = mode;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fault-server-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The beginning of a pod list that never ends, as a real API server starts one. */
    public static String podListPrefix() {
        return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"42\"},\"items\":["
                + "{\"metadata\":{\"name\":\"web-1\",\"namespace\":\"shop\"},\"spec\":{\"containers\":[{\"name\":\"app\","
                + "\"image\":\"nginx:1.27\"}]},\"status\":{\"phase\":\"Pending\"}},";
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int connections() {
        return connections.get();
    }

    /** Request lines and headers read so far, one string per request. */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "fault-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            requests.add(readHead(s.getInputStream()));
            OutputStream out = s.getOutputStream();
            switch (mode) {
                case BLACKHOLE -> park();
                case STALL_MID_BODY, CUT_MID_BODY -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(prefix);
                    out.flush();
                    if (mode == Mode.CUT_MID_BODY) {
                        s.close();
                    } else {
                        park();
                    }
                }
                case STALL_MID_CHUNKED -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write((Integer.toHexString(prefix.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(prefix);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    park();
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void park() {
        while (!closed) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
