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
            String head = "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + bodyBytes + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            IOException writeFailure = null;
            try {
                byte[] chunk = new byte[CHUNK_BYTES];
                for (long sent = 0; sent < bodyBytes; sent += CHUNK_BYTES) {
                    out.write(chunk, 0, (int) Math.min(CHUNK_BYTES, bodyBytes - sent));
                }
                out.flush();
            } catch (IOException e) {
                writeFailure = e;
            }
            return read(socket.getInputStream(), writeFailure);
        }
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
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
            return new Answer(status, headText, body, writeFailure);
        } catch (IOException e) {
            throw new IOException("reading the answer failed after " + head.size() + " bytes of its head (writing the"
                    + " body: " + (writeFailure == null ? "all sent" : writeFailure) + ")", e);
        }
    }
}
