package org.cbamledger.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection on a plain socket for the proof-serving window: GET requests, pipelined when several are
 * sent before their answers are read (RFC 9112 §9.3.2). The JDK's HttpClient spends more CPU per request than the
 * service spends serving it, and the load generator shares the machine with the service (BENCHMARKS.md).
 */
final class KeepAliveConnection implements AutoCloseable {
    record Response(int status, byte[] body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    KeepAliveConnection(URI base) throws IOException {
        int port = base.getPort() < 0 ? 80 : base.getPort();
        socket = new Socket(base.getHost(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        host = base.getHost() + ":" + port;
    }

    /** Queues a GET; nothing is sent before {@link #flush()}. */
    void get(String pathAndQuery, String bearerToken) throws IOException {
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + bearerToken
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The next answer on the connection, in the order the requests were sent. */
    Response read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).trim();
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunkedBody() : in.readNBytes((int) Math.max(0, length));
        if (!chunked && body.length != Math.max(0, length)) {
            throw new IOException("connection closed within a response body");
        }
        return new Response(Integer.parseInt(status.substring(9, 12)), body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.writeBytes(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailer fields, unused
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed within a response head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
