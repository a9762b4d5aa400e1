package dev.lambdaguice.runtime.local;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The server side of one HTTP/1.1 connection on a blocking socket channel: reads requests (fixed-length and
 * chunked bodies, {@code Expect: 100-continue}) and writes responses with one gathering write. Bodies are read
 * straight into their final array.
 */
final class HttpConnection implements Closeable {

  /** Largest request line plus headers; an X-Ray error cause header alone may take 64 KiB. */
  static final int MAX_HEAD_BYTES = 256 * 1024;

  private static final byte[] EMPTY = new byte[0];
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final SocketChannel channel;
  /** Unread input between position and limit. */
  private ByteBuffer in = ByteBuffer.allocate(16 * 1024).flip();
  private boolean closeAfterResponse;
  /** A chunk's size line, reused: up to 8 hex digits, then CRLF. */
  private final byte[] chunkSizeLine = {0, 0, 0, 0, 0, 0, 0, 0, '\r', '\n'};
  /** A request body left for the handler ({@link #chunkedBody()}) and not read to its end yet. */
  private boolean bodyPending;

  HttpConnection(SocketChannel channel) {
    this.channel = channel;
  }

  /** A request the server refuses to parse; answered with {@link #status} and then the connection is closed. */
  static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * Reads the next request. Bodies up to {@code maxBody} bytes are kept; larger ones are read, discarded and
   * flagged {@link HttpRequest#tooLarge()}.
   *
   * @return the request, or null when the client closed the connection between requests
   */
  HttpRequest read(int maxBody) throws IOException {
    if (!skipEmptyLines()) {
      return null;
    }
    int headLength = headLength();
    String head = new String(in.array(), in.position(), headLength, StandardCharsets.UTF_8);
    in.position(in.position() + headLength);

    String[] lines = head.split("\n");
    String requestLine = stripCr(lines[0]);
    int firstSpace = requestLine.indexOf(' ');
    int lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace) {
      throw new BadRequest(400, "malformed request line");
    }
    String method = requestLine.substring(0, firstSpace);
    String target = requestLine.substring(firstSpace + 1, lastSpace);
    String version = requestLine.substring(lastSpace + 1);
    if (!version.startsWith("HTTP/1.")) {
      throw new BadRequest(505, "only HTTP/1.x is supported");
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      String line = stripCr(lines[i]);
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "malformed header line");
      }
      headers.merge(line.substring(0, colon).trim(), List.of(line.substring(colon + 1).trim()),
          (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
    }
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);

    HttpRequest request = readBody(method, path, version, headers, maxBody);
    closeAfterResponse = !request.keepAlive();
    return request;
  }

  private HttpRequest readBody(String method, String path, String version, Map<String, List<String>> headers,
      int maxBody) throws IOException {
    List<String> transferEncoding = headers.get("Transfer-Encoding");
    List<String> contentLength = headers.get("Content-Length");
    boolean chunked = transferEncoding != null
        && HttpRequest.hasToken(transferEncoding.get(transferEncoding.size() - 1), "chunked");
    long length = 0;
    if (!chunked && contentLength != null) {
      try {
        length = Long.parseLong(contentLength.get(0));
      } catch (NumberFormatException e) {
        length = -1;
      }
      if (length < 0) {
        throw new BadRequest(400, "bad Content-Length");
      }
    }
    List<String> expect = headers.get("Expect");
    if (expect != null && expect.get(0).equalsIgnoreCase("100-continue") && (chunked || length > 0)) {
      writeFully(ByteBuffer.wrap(CONTINUE));
    }
    Map<String, List<String>> immutableHeaders = java.util.Collections.unmodifiableMap(headers);
    HttpRequest deferred = new HttpRequest(method, path, version, immutableHeaders, EMPTY, 0, false);
    if (deferred.streamedResponse()) {
      bodyPending = true;
      return deferred; // the handler reads the body as it arrives, through chunkedBody()
    }
    if (chunked) {
      return readChunked(method, path, version, immutableHeaders, maxBody);
    }
    if (length > maxBody) {
      discard(length);
      return new HttpRequest(method, path, version, immutableHeaders, EMPTY, length, true);
    }
    byte[] body = length == 0 ? EMPTY : new byte[(int) length];
    int buffered = Math.min(in.remaining(), body.length);
    in.get(body, 0, buffered);
    ByteBuffer rest = ByteBuffer.wrap(body, buffered, body.length - buffered);
    while (rest.hasRemaining()) {
      if (channel.read(rest) < 0) {
        throw new EOFException("connection closed in the middle of a request body");
      }
    }
    return new HttpRequest(method, path, version, immutableHeaders, body, length, false);
  }

  private HttpRequest readChunked(String method, String path, String version, Map<String, List<String>> headers,
      int maxBody) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long total = 0;
    while (true) {
      long size = chunkSize(readLine());
      if (size == 0) {
        break;
      }
      total += size;
      if (body != null && total <= maxBody) {
        copy(size, body);
      } else {
        body = null;
        discard(size);
      }
      if (!readLine().isEmpty()) {
        throw new BadRequest(400, "chunk not followed by CRLF");
      }
    }
    while (!readLine().isEmpty()) {
      // trailers are not used by the Runtime API emulation
    }
    return body == null
        ? new HttpRequest(method, path, version, headers, EMPTY, total, true)
        : new HttpRequest(method, path, version, headers, body.toByteArray(), total, false);
  }

  /**
   * The chunked body of the request just read, when the handler reads it itself ({@link
   * HttpRequest#streamedResponse()}): read it to its end before the next request is read.
   */
  ChunkedBody chunkedBody() {
    return new ChunkedBody();
  }

  /** Whether the handler left the request's body unread: the connection cannot serve another request then. */
  boolean bodyPending() {
    return bodyPending;
  }

  /** A chunked request body read piece by piece, as the bytes arrive; then its trailers. Not thread-safe. */
  final class ChunkedBody {
    private long chunkLeft;
    private boolean afterChunk;
    private boolean done;
    private final Map<String, String> trailers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private ChunkedBody() {}

    /**
     * Reads up to {@code length} bytes of the body: what is already received, waiting only when nothing is.
     *
     * @return how many bytes were read, or -1 at the end of the body (its trailers are then read)
     * @throws EOFException the client closed the connection before the last chunk
     */
    int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (chunkLeft == 0) {
        if (afterChunk && !readLine().isEmpty()) {
          throw new BadRequest(400, "chunk not followed by CRLF");
        }
        afterChunk = true;
        chunkLeft = chunkSize(readLine());
        if (chunkLeft == 0) {
          readTrailers();
          done = true;
          bodyPending = false;
          return -1;
        }
      }
      if (!in.hasRemaining() && !fill()) {
        throw new EOFException("connection closed in the middle of a chunked body");
      }
      int n = (int) Math.min(Math.min(length, chunkLeft), in.remaining());
      in.get(buffer, offset, n);
      chunkLeft -= n;
      return n;
    }

    /** The trailer fields after the last chunk, case-insensitive; empty until the end was read. */
    Map<String, String> trailers() {
      return trailers;
    }

    private void readTrailers() throws IOException {
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new BadRequest(400, "malformed trailer line");
        }
        trailers.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
  }

  private static long chunkSize(String sizeLine) throws BadRequest {
    int extension = sizeLine.indexOf(';');
    long size;
    try {
      size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 0) {
      throw new BadRequest(400, "bad chunk size");
    }
    return size;
  }

  /** Writes a response head for a chunked body; the body follows with {@link #writeChunk} and {@link #endChunks}. */
  void writeChunkedHead(HttpResponse response) throws IOException {
    writeFully(ByteBuffer.wrap(response.chunkedHead(closeAfterResponse)));
  }

  /** Writes one chunk at once (no buffering): the caller sees it as soon as the network delivers it. */
  void writeChunk(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    int start = chunkSizeLine.length - 2; // the hex digits go right to left before the line's CRLF
    for (int left = length; left != 0 || start == chunkSizeLine.length - 2; left >>>= 4) {
      chunkSizeLine[--start] = HEX[left & 0xf];
    }
    writeFully(ByteBuffer.wrap(chunkSizeLine, start, chunkSizeLine.length - start),
        ByteBuffer.wrap(bytes, offset, length), ByteBuffer.wrap(CRLF));
  }

  /** Writes the last chunk and the trailer fields (single-line values), ending the body. */
  void endChunks(Map<String, String> trailers) throws IOException {
    StringBuilder end = new StringBuilder("0\r\n");
    trailers.forEach((name, value) -> end.append(name).append(": ")
        .append(value.replace('\r', ' ').replace('\n', ' ')).append("\r\n"));
    writeFully(ByteBuffer.wrap(end.append("\r\n").toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes a response; adds {@code Connection: close} when the request asked for it. */
  void write(HttpResponse response) throws IOException {
    writeFully(ByteBuffer.wrap(response.head(closeAfterResponse)), ByteBuffer.wrap(response.body()));
  }

  /** Writes a response and marks the connection to be closed after it. */
  void writeAndClose(HttpResponse response) throws IOException {
    closeAfterResponse = true;
    write(response);
  }

  /**
   * True when the client has closed its end (it would never read a response). Never blocks, and keeps any bytes
   * the client already sent for its next request.
   */
  boolean peerClosed() {
    if (in.hasRemaining()) {
      return false;
    }
    try {
      channel.configureBlocking(false);
      try {
        in.clear();
        int read = channel.read(in);
        in.flip();
        return read < 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void writeFully(ByteBuffer... buffers) throws IOException {
    ByteBuffer last = buffers[buffers.length - 1];
    while (last.hasRemaining() || buffers[0].hasRemaining()) {
      channel.write(buffers);
    }
  }

  /** Skips blank lines before a request line; false at end of stream. */
  private boolean skipEmptyLines() throws IOException {
    while (true) {
      while (in.hasRemaining()) {
        byte b = in.get(in.position());
        if (b != '\r' && b != '\n') {
          return true;
        }
        in.get();
      }
      if (!fill()) {
        return false;
      }
    }
  }

  /** The length of the buffered request head including its blank line, reading more input as needed. */
  private int headLength() throws IOException {
    int scanned = 0;
    while (true) {
      byte[] bytes = in.array();
      int start = in.position();
      int limit = in.limit();
      int i = start + scanned;
      for (; i < limit; i++) {
        if (bytes[i] != '\n') {
          continue;
        }
        int next = i + 1;
        if (next < limit && bytes[next] == '\r') {
          next++;
        }
        if (next >= limit) {
          break;
        }
        if (bytes[next] == '\n') {
          return next + 1 - start;
        }
      }
      scanned = i - start;
      if (!fill()) {
        throw new EOFException("connection closed in the middle of a request head");
      }
    }
  }

  /** One line without its line ending, for chunked framing. */
  private String readLine() throws IOException {
    int scanned = 0;
    while (true) {
      byte[] bytes = in.array();
      int start = in.position();
      for (int i = start + scanned; i < in.limit(); i++) {
        if (bytes[i] == '\n') {
          String line = stripCr(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
          in.position(i + 1);
          return line;
        }
      }
      scanned = in.remaining();
      if (!fill()) {
        throw new EOFException("connection closed in the middle of a chunked body");
      }
    }
  }

  private void copy(long count, ByteArrayOutputStream out) throws IOException {
    long left = count;
    while (left > 0) {
      if (!in.hasRemaining() && !fill()) {
        throw new EOFException("connection closed in the middle of a request body");
      }
      int n = (int) Math.min(left, in.remaining());
      out.write(in.array(), in.position(), n);
      in.position(in.position() + n);
      left -= n;
    }
  }

  private void discard(long count) throws IOException {
    long left = count;
    int buffered = (int) Math.min(left, in.remaining());
    in.position(in.position() + buffered);
    left -= buffered;
    while (left > 0) {
      in.clear().limit((int) Math.min(left, in.capacity()));
      int read = channel.read(in);
      if (read < 0) {
        throw new EOFException("connection closed in the middle of a request body");
      }
      left -= read;
    }
    if (buffered < count) {
      in.position(0).limit(0);
    }
  }

  /** Reads more input, growing the buffer when it is full; false at end of stream. */
  private boolean fill() throws IOException {
    in.compact();
    if (!in.hasRemaining()) {
      if (in.capacity() >= MAX_HEAD_BYTES) {
        in.flip();
        throw new BadRequest(431, "request head larger than " + MAX_HEAD_BYTES + " bytes");
      }
      ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
      in.flip();
      bigger.put(in);
      in = bigger;
    }
    int read = channel.read(in);
    in.flip();
    return read >= 0;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
