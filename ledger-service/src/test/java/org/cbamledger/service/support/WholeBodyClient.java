package org.cbamledger.service.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simplest HTTP/1.1 client there is: it writes the request line, the headers and the whole announced body, and
 * only then reads the answer, as clients without {@code Expect: 100-continue} do. A server that answers early and
 * closes with the body unread resets the connection, and such a client sees the reset instead of the answer.
 */
public final class WholeBodyClient {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private WholeBodyClient() {}

    /** What came back: the status, the raw head and body, and the write failure if the body could not all be sent. */
    public record Answer(int status, String head, byte[] body, IOException writeFailure) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** POSTs {@code bodyBytes} zero bytes to {@code path} with Content-Length, then reads the answer to its end. */
    public static Answer post(URI base, String path, String token, String contentType, long bodyBytes)
            throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head(base, path, token, contentType, bodyBytes, "").getBytes(StandardCharsets.US_ASCII));
            return read(socket.getInputStream(), send(out, bodyBytes));
        }
    }

    /**
     * Announces {@code bodyBytes} with {@code Expect: 100-continue} and sends the body only when the server answers
     * {@code 100}: the final answer.
     */
    public static Answer askFirst(URI base, String path, String token, String contentType, long bodyBytes)
            throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head(base, path, token, contentType, bodyBytes, "Expect: 100-continue\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Answer first = read(socket.getInputStream(), null);
            return first.status() == 100 ? read(socket.getInputStream(), send(out, bodyBytes)) : first;
        }
    }

    /** Sends {@code bodyBytes} zero bytes: the write failure, or null when every byte went out. */
    private static IOException send(OutputStream out, long bodyBytes) {
        try {
            byte[] chunk = new byte[CHUNK_BYTES];
            for (long sent = 0; sent < bodyBytes; sent += CHUNK_BYTES) {
                out.write(chunk, 0, (int) Math.min(CHUNK_BYTES, bodyBytes - sent));
            }
            out.flush();
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static String head(URI base, String path, String token, String contentType, long bodyBytes, String more) {
        return "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + more
                + "Content-Type: " + contentType + "\r\nContent-Length: " + bodyBytes + "\r\n\r\n";
    }

    private static Answer read(InputStream in, IOException writeFailure) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection ended after " + head.size() + " bytes of the answer's head");
                }
                head.write(b);
            }
            String headText = head.toString(StandardCharsets.US_ASCII);
            int status = Integer.parseInt(headText.substring(headText.indexOf(' ') + 1, headText.indexOf(' ') + 4));
            Matcher length = CONTENT_LENGTH.matcher(headText);
            // an interim 1xx answer has no body
            byte[] body = status < 200 ? new byte[0]
                    : length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
            return new Answer(status, headText, body, writeFailure);
        } catch (IOException e) {
            throw new IOException("reading the answer failed after " + head.size() + " bytes of its head (writing the"
                    + " body: " + (writeFailure == null ? "all sent" : writeFailure) + ")", e);
        }
    }
}
