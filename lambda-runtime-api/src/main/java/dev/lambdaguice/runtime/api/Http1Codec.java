package dev.lambdaguice.runtime.api;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTTP/1.1 framing for one connection: writes a request, reads its answer. It knows nothing of the Runtime API's
 * statuses or headers; it only moves bytes, within limits.
 *
 * <p>An exchange goes {@link State#IDLE} → (request written) {@link State#SENT} → (head read) {@link State#HEAD}
 * → (body read) {@link State#IDLE}, or {@link State#DONE} when the connection cannot carry another request (the
 * answer said so, its body ended with the connection, or anything failed). Calling a step out of order throws
 * {@link IllegalStateException}: a half-written request or an answer read twice is a bug, never a silent mix-up.
 *
 * <p>A request is assembled in one buffer and written with one {@code write} when it fits
 * ({@value #BUFFER_BYTES} bytes); a larger one is written in buffer-sized pieces. A chunked request body
 * ({@link #startChunked}, {@link #chunk}, {@link #lastChunk}) goes out one chunk per call, each written at once, the
 * head with the first; until then {@link #discard()} can drop the request. Reads go through one buffer of
 * the same size, so the JDK's per-thread direct buffers stay that size too.
 */
final class Http1Codec {

  /** The steps of an exchange. */
  enum State { IDLE, SENT, HEAD, DONE }

  static final int BUFFER_BYTES = 64 * 1024;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);

  private final int maxHeaderBytes;
  private final byte[] out = new byte[BUFFER_BYTES];
  private final ByteBuffer outView = ByteBuffer.wrap(out);
  private final byte[] in = new byte[BUFFER_BYTES];
  private final ByteBuffer inView = ByteBuffer.wrap(in);
  private byte[] line = new byte[256];

  private ByteChannel channel;
  private State state = State.DONE;
  private int outLength;
  private boolean written;
  private int inPosition;
  private int inLimit;

  /** @param maxHeaderBytes the most bytes an answer's status line and headers may take */
  Http1Codec(int maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
  }

  /** Starts using a new connection. */
  void attach(ByteChannel channel) {
    this.channel = channel;
    state = State.IDLE;
    outLength = 0;
    inPosition = 0;
    inLimit = 0;
  }

  State state() {
    return state;
  }

  // ------------------------------------------------------------------------------------------------- requests

  /** Starts a request with its request line and fixed headers, already encoded (each line ending in CRLF). */
  void start(byte[] head) {
    expect(State.IDLE);
    outLength = 0;
    written = false;
    state = State.SENT; // from here on, a failure leaves the request unfinished: DONE
    try {
      put(head, 0, head.length);
    } catch (IOException e) {
      throw new AssertionError(e); // nothing is flushed before the first buffer is full
    }
  }

  /** Appends ASCII bytes, for example a part of the request line. */
  void putAscii(byte[] ascii) throws IOException {
    put(ascii, 0, ascii.length);
  }

  /**
   * Appends {@code value} as one path segment: unreserved characters and {@code !$&'()*+,;=:@} as they are,
   * anything else percent-encoded as UTF-8.
   */
  void putPathSegment(String value) throws IOException {
    byte[] encoded = pathSegment(value).getBytes(StandardCharsets.US_ASCII);
    put(encoded, 0, encoded.length);
  }

  /** {@code value} as one path segment, as {@link #putPathSegment} sends it. */
  static String pathSegment(String value) {
    boolean plain = true;
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c < 0x80 && isPathChar(c);
    }
    if (plain) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() * 3);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && isPathChar(c)) {
        out.append((char) c);
      } else {
        out.append('%').append((char) HEX[c >> 4]).append((char) HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Appends a header field. Control characters in the value (CR, LF, NUL, DEL, ...) become spaces, so no value
   * can end the field early or add another; characters beyond ASCII are sent as UTF-8.
   */
  void header(String name, String value) throws IOException {
    for (int i = 0; i < name.length(); i++) {
      put(name.charAt(i));
    }
    put(':');
    put(' ');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        put(' ');
      } else if (c < 0x80) {
        put(c);
      } else {
        int end = i + 1;
        while (end < value.length() && value.charAt(end) >= 0x80) {
          end++;
        }
        byte[] utf8 = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
        put(utf8, 0, utf8.length);
        i = end - 1;
      }
    }
    put('\r');
    put('\n');
  }

  /** Ends the headers with {@code Content-Length}, appends the body and writes the whole request. */
  void send(byte[] body, int offset, int length) throws IOException {
    expect(State.SENT);
    put(CONTENT_LENGTH, 0, CONTENT_LENGTH.length);
    putDecimal(length);
    put('\r');
    put('\n');
    put('\r');
    put('\n');
    put(body, offset, length);
    flush();
  }

  /** Ends a request without a body and writes it. */
  void send() throws IOException {
    expect(State.SENT);
    put('\r');
    put('\n');
    flush();
  }

  /**
   * Ends the headers of a request whose body follows in chunks ({@code Transfer-Encoding: chunked} and the given
   * {@code Trailer} field are added). Nothing is written yet: the head stays in the buffer until the first
   * {@link #chunk} or {@link #lastChunk}, so {@link #discard()} can still drop the request.
   */
  void startChunked(String trailerNames) throws IOException {
    expect(State.SENT);
    header("Transfer-Encoding", "chunked");
    header("Trailer", trailerNames);
    put('\r');
    put('\n');
  }

  /** Writes {@code length} bytes as one chunk (with the head, if still buffered), now. */
  void chunk(byte[] bytes, int offset, int length) throws IOException {
    expect(State.SENT);
    if (length == 0) {
      return; // a zero-length chunk would end the body
    }
    putHex(length);
    put('\r');
    put('\n');
    put(bytes, offset, length);
    put('\r');
    put('\n');
    flush();
  }

  /**
   * Ends a chunked body: the last chunk, then the trailer fields (name, value pairs; values cleaned like
   * {@link #header}), then the empty line; writes it all now.
   */
  void lastChunk(String... trailers) throws IOException {
    expect(State.SENT);
    put('0');
    put('\r');
    put('\n');
    for (int i = 0; i < trailers.length; i += 2) {
      header(trailers[i], trailers[i + 1]);
    }
    put('\r');
    put('\n');
    flush();
  }

  /** True once any byte of the current request has been written to the connection. */
  boolean written() {
    return written;
  }

  /**
   * Drops a request of which nothing has been written (see {@link #written()}): the connection is as if it had
   * never been started, and can carry another request.
   */
  void discard() {
    expect(State.SENT);
    if (written) {
      throw new IllegalStateException("part of the request was already written");
    }
    outLength = 0;
    state = State.IDLE;
  }

  // -------------------------------------------------------------------------------------------------- answers

  /**
   * Reads an answer's status line and headers; interim {@code 1xx} answers are skipped.
   *
   * @throws RuntimeApiProtocolException the head is malformed or over the header limit
   * @throws EOFException the server closed the connection before the head ended
   */
  Http1Head readHead() throws IOException {
    expect(State.SENT);
    state = State.DONE; // until the head is read whole
    while (true) {
      int[] budget = {maxHeaderBytes};
      int length = readLine(budget, "status line");
      boolean http10 = startsWith(line, length, "HTTP/1.0 ");
      if (!(http10 || startsWith(line, length, "HTTP/1.1 ")) || length < 12 || !isDigits(line, 9, 12)
          || (length > 12 && line[12] != ' ')) {
        throw new RuntimeApiProtocolException("The Runtime API answered with a malformed status line: '"
            + printable(line, length) + "'");
      }
      int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
      ResponseHeaders headers = readHeaders(budget);
      if (status == 101) {
        throw new RuntimeApiProtocolException("The Runtime API answered 101 Switching Protocols");
      }
      if (status >= 100 && status < 200) {
        continue; // an interim answer; the real one follows
      }
      Http1Head head = frame(status, headers, http10);
      state = State.HEAD;
      return head;
    }
  }

  /**
   * Reads the body of the answer whose head {@link #readHead()} returned.
   *
   * @param maxBytes the most bytes the body may have
   * @throws RuntimeApiProtocolException the body is over {@code maxBytes} or its chunks are malformed
   */
  byte[] readBody(Http1Head head, int maxBytes, String what) throws IOException {
    expect(State.HEAD);
    state = State.DONE; // until the body is read whole
    byte[] body = switch (head.framing()) {
      case FIXED -> readFixed(head.contentLength(), maxBytes, what);
      case CHUNKED -> readChunked(maxBytes, what);
      case UNTIL_CLOSE -> readUntilClose(maxBytes, what);
    };
    // Bytes after a whole answer were not asked for: the connection is in no state to trust.
    if (head.keepAlive() && head.framing() != Http1Head.Framing.UNTIL_CLOSE && inPosition == inLimit) {
      state = State.IDLE;
    }
    return body;
  }

  private Http1Head frame(int status, ResponseHeaders headers, boolean http10) throws IOException {
    boolean close = http10 || headers.hasToken("Connection", "close");
    if (status == 204 || status == 304) {
      return new Http1Head(status, headers, Http1Head.Framing.FIXED, 0, !close);
    }
    String[] encodings = headers.values("Transfer-Encoding");
    if (encodings.length > 0) {
      String[] codings = encodings[encodings.length - 1].split(",");
      boolean chunked = codings[codings.length - 1].trim().equalsIgnoreCase("chunked");
      // With both, Transfer-Encoding wins and the connection is not reused (RFC 9112, section 6.3).
      boolean alsoLength = headers.get("Content-Length") != null;
      return chunked
          ? new Http1Head(status, headers, Http1Head.Framing.CHUNKED, -1, !close && !alsoLength)
          : new Http1Head(status, headers, Http1Head.Framing.UNTIL_CLOSE, -1, false);
    }
    String[] lengths = headers.values("Content-Length");
    if (lengths.length == 0) {
      return new Http1Head(status, headers, Http1Head.Framing.UNTIL_CLOSE, -1, false);
    }
    long length = -1;
    for (String value : lengths) {
      for (String part : value.split(",", -1)) {
        long parsed = parseLength(part.trim());
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new RuntimeApiProtocolException("The Runtime API answered with an invalid Content-Length: '"
              + String.join("', '", lengths) + "'");
        }
        length = parsed;
      }
    }
    return new Http1Head(status, headers, Http1Head.Framing.FIXED, length, !close);
  }

  private byte[] readFixed(long length, int maxBytes, String what) throws IOException {
    if (length > maxBytes) {
      throw tooLarge(what, maxBytes, length + " bytes");
    }
    byte[] body = new byte[(int) length];
    int filled = 0;
    while (filled < body.length) {
      if (inPosition == inLimit && !fill()) {
        throw new EOFException("The Runtime API closed the connection after " + filled + " of " + length
            + " bytes of the " + what);
      }
      int n = Math.min(inLimit - inPosition, body.length - filled);
      System.arraycopy(in, inPosition, body, filled, n);
      inPosition += n;
      filled += n;
    }
    return body;
  }

  private byte[] readChunked(int maxBytes, String what) throws IOException {
    byte[] body = new byte[0];
    int size = 0;
    while (true) {
      int[] budget = {maxHeaderBytes};
      int length = readLine(budget, "chunk size");
      long chunk = parseChunkSize(length);
      if (chunk == 0) {
        readHeaders(budget); // trailers, ignored
        return size == body.length ? body : Arrays.copyOf(body, size);
      }
      if (chunk > maxBytes - size) {
        throw tooLarge(what, maxBytes, "more than " + maxBytes + " bytes");
      }
      if (size + chunk > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(maxBytes, Math.max(size + chunk, 2L * body.length)));
      }
      int end = size + (int) chunk;
      while (size < end) {
        if (inPosition == inLimit && !fill()) {
          throw new EOFException("The Runtime API closed the connection inside a chunk of the " + what);
        }
        int n = Math.min(inLimit - inPosition, end - size);
        System.arraycopy(in, inPosition, body, size, n);
        inPosition += n;
        size += n;
      }
      if (readLine(budget, "chunk end") != 0) {
        throw new RuntimeApiProtocolException("The Runtime API sent a chunk longer than its size");
      }
    }
  }

  private byte[] readUntilClose(int maxBytes, String what) throws IOException {
    byte[] body = new byte[Math.min(maxBytes, 8192)];
    int size = 0;
    while (inPosition < inLimit || fill()) {
      int n = inLimit - inPosition;
      if (n > maxBytes - size) {
        throw tooLarge(what, maxBytes, "more than " + maxBytes + " bytes");
      }
      if (size + n > body.length) {
        body = Arrays.copyOf(body, Math.min(maxBytes, Math.max(size + n, 2 * body.length)));
      }
      System.arraycopy(in, inPosition, body, size, n);
      inPosition = inLimit;
      size += n;
    }
    return Arrays.copyOf(body, size);
  }

  private ResponseHeaders readHeaders(int[] budget) throws IOException {
    ResponseHeaders headers = new ResponseHeaders();
    while (true) {
      int length = readLine(budget, "headers");
      if (length == 0) {
        return headers;
      }
      int colon = -1;
      for (int i = 0; i < length; i++) {
        if (line[i] == ':') {
          colon = i;
          break;
        }
      }
      if (colon <= 0 || line[0] == ' ' || line[0] == '\t' || line[colon - 1] == ' ' || line[colon - 1] == '\t') {
        throw new RuntimeApiProtocolException("The Runtime API sent a malformed header line: '"
            + printable(line, length) + "'");
      }
      int start = colon + 1;
      int end = length;
      while (start < end && (line[start] == ' ' || line[start] == '\t')) {
        start++;
      }
      while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
        end--;
      }
      headers.add(new String(line, 0, colon, StandardCharsets.US_ASCII),
          new String(line, start, end - start, StandardCharsets.UTF_8));
    }
  }

  /**
   * Reads one line into {@link #line} without its CRLF (a bare LF is accepted) and returns its length. Each line
   * counts against {@code budget[0]}, the bytes left for the head.
   */
  private int readLine(int[] budget, String what) throws IOException {
    int length = 0;
    while (true) {
      if (inPosition == inLimit && !fill()) {
        throw new EOFException("The Runtime API closed the connection in the " + what + " of its answer");
      }
      int end = inPosition;
      while (end < inLimit && in[end] != '\n') {
        end++;
      }
      int n = end - inPosition;
      budget[0] -= n + (end < inLimit ? 1 : 0);
      if (budget[0] < 0) {
        throw new RuntimeApiProtocolException("The Runtime API's answer has a status line and headers over "
            + maxHeaderBytes + " bytes (RuntimeApiClient.MAX_HEADER_BYTES)");
      }
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(length + n, 2 * line.length));
      }
      System.arraycopy(in, inPosition, line, length, n);
      length += n;
      if (end < inLimit) {
        inPosition = end + 1;
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
      }
      inPosition = inLimit;
    }
  }

  /** Reads more bytes into the empty input buffer; false at the end of the stream. */
  private boolean fill() throws IOException {
    inView.clear();
    int n;
    do {
      n = channel.read(inView);
    } while (n == 0);
    inPosition = 0;
    inLimit = Math.max(n, 0);
    return n > 0;
  }

  private long parseChunkSize(int length) throws IOException {
    int end = 0;
    while (end < length && line[end] != ';' && line[end] != ' ' && line[end] != '\t') {
      end++;
    }
    if (end == 0 || end > 8) {
      throw badChunk(length);
    }
    int rest = end;
    while (rest < length && (line[rest] == ' ' || line[rest] == '\t')) {
      rest++;
    }
    if (rest < length && line[rest] != ';') { // only a chunk extension may follow the size
      throw badChunk(length);
    }
    long size = 0;
    for (int i = 0; i < end; i++) {
      int digit = Character.digit(line[i], 16);
      if (digit < 0) {
        throw badChunk(length);
      }
      size = size * 16 + digit;
    }
    return size;
  }

  private RuntimeApiProtocolException badChunk(int length) {
    return new RuntimeApiProtocolException("The Runtime API sent a malformed chunk size: '"
        + printable(line, Math.min(length, 64)) + "'");
  }

  private static RuntimeApiProtocolException tooLarge(String what, int maxBytes, String size) {
    return new RuntimeApiProtocolException("The " + what + " is too large: " + size + ", over the client's limit of "
        + maxBytes + " bytes");
  }

  /** A non-negative decimal of at most 18 digits, or -1. */
  private static long parseLength(String value) {
    if (value.isEmpty() || value.length() > 18) {
      return -1;
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  // --------------------------------------------------------------------------------------------------- output

  private void put(int b) throws IOException {
    if (outLength == out.length) {
      flush();
    }
    out[outLength++] = (byte) b;
  }

  private void put(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (outLength == out.length) {
        flush();
      }
      int n = Math.min(length, out.length - outLength);
      System.arraycopy(bytes, offset, out, outLength, n);
      outLength += n;
      offset += n;
      length -= n;
    }
  }

  private void putDecimal(int value) throws IOException {
    String digits = Integer.toString(value);
    for (int i = 0; i < digits.length(); i++) {
      put(digits.charAt(i));
    }
  }

  private void putHex(int value) throws IOException {
    for (int shift = 28; shift >= 0; shift -= 4) {
      int digit = (value >>> shift) & 0xf;
      if (shift == 0 || value >>> shift != 0) { // no leading zeros
        put(HEX[digit]);
      }
    }
  }

  private void flush() throws IOException {
    written = true;
    outView.clear().limit(outLength);
    while (outView.hasRemaining()) {
      channel.write(outView);
    }
    outLength = 0;
  }

  private void expect(State expected) {
    if (state != expected) {
      throw new IllegalStateException("HTTP exchange is " + state + ", not " + expected);
    }
  }

  private static boolean isPathChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }

  private static boolean startsWith(byte[] bytes, int length, String prefix) {
    if (length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** At most 128 characters of a line for a message, control characters as '?'. */
  private static String printable(byte[] bytes, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(length, 128); i++) {
      int c = bytes[i] & 0xff;
      out.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
    }
    return length > 128 ? out + "..." : out.toString();
  }
}
