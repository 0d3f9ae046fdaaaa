package io.wafleet.infra;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An outbound proxy on loopback, as a business would give an account: HTTP ({@code CONNECT} tunnels) or
 * SOCKS5 (RFC 1928, with RFC 1929 user and password). It remembers each tunnel's target and the
 * credentials it was given ({@code Proxy-Authorization}'s value, or SOCKS5's {@code user:password}).
 */
final class OutboundProxy implements AutoCloseable {

    enum Kind { HTTP, SOCKS5 }

    /** A tunnel the proxy opened. */
    record Tunnel(String target, String credentials) {
    }

    private final Kind kind;
    private final ServerSocket server;
    private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();

    OutboundProxy(Kind kind) {
        this(kind, 0);
    }

    /** A proxy on this port (0: any free one), as a proxy that went down comes back on its address. */
    OutboundProxy(Kind kind, int port) {
        this.kind = kind;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("outbound-proxy").start(this::accept);
    }

    /** The proxy as an account's {@code proxy} setting, with these credentials. */
    String uri(String user, String password) {
        return kind.name().toLowerCase(Locale.ROOT) + "://" + user + ":" + password + "@127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Tunnel> tunnels() {
        return List.copyOf(tunnels);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            Tunnel tunnel = kind == Kind.HTTP ? httpConnect(client) : socks5(client);
            if (tunnel == null) {
                return;
            }
            tunnels.add(tunnel);
            String[] target = tunnel.target().split(":");
            try (Socket upstream = new Socket(target[0], Integer.parseInt(target[1]))) {
                client.getOutputStream().write(kind == Kind.HTTP
                        ? "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII)
                        : new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
                Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
                pipe(client, upstream);
                back.join();
            }
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // a tunnel that ends or fails ends its sockets; the test sees what arrived
        }
    }

    private static Tunnel httpConnect(Socket client) throws IOException {
        List<String> head = readHead(client.getInputStream());
        String[] requestLine = head.getFirst().split(" ");
        if (!"CONNECT".equals(requestLine[0])) {
            client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return null;
        }
        String authorization = head.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:"))
                .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst().orElse(null);
        return new Tunnel(requestLine[1], authorization);
    }

    private static Tunnel socks5(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (in.readUnsignedByte() != 5) {
            return null;
        }
        byte[] methods = in.readNBytes(in.readUnsignedByte());
        boolean password = new String(methods, StandardCharsets.ISO_8859_1).indexOf(2) >= 0;
        out.write(new byte[] {5, (byte) (password ? 2 : 0)});
        String credentials = null;
        if (password) {
            in.readUnsignedByte();
            String user = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            String secret = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            credentials = user + ":" + secret;
            out.write(new byte[] {1, 0});
        }
        in.readUnsignedByte();
        int command = in.readUnsignedByte();
        in.readUnsignedByte();
        String host = switch (in.readUnsignedByte()) {
            case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
            case 3 -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
            case 4 -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            default -> throw new IOException("unknown SOCKS5 address type");
        };
        int port = in.readUnsignedShort();
        if (command != 1) {
            out.write(new byte[] {5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
            return null;
        }
        return new Tunnel(host + ":" + port, credentials);
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            in.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ignored) {
            // the other side closed
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] end = {'\r', '\n', '\r', '\n'};
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return List.of(head.toString(StandardCharsets.US_ASCII).split("\r\n"));
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
