package io.gardefou.server.upstream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body (RFC 7578) built in memory: text fields and files. */
final class Multipart {
  private final String boundary = "gardefou-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  Multipart field(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
    write(value.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Multipart file(String name, String filename, String mediaType, byte[] bytes) {
    head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: " + mediaType + "\r\n");
    write(bytes);
    return this;
  }

  byte[] finish() {
    write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private void head(String headers) {
    String separator = body.size() == 0 ? "" : "\r\n";
    write((separator + "--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] bytes) {
    body.write(bytes, 0, bytes.length);
  }
}
