package dev.lambdaguice.samples.bookshop.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Extracts tar archives with the system's {@code tar}, keeping file modes. */
final class Tar {

  private Tar() {}

  static void extract(Path archive, Path into, boolean gzip) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tar", "--warning=no-unknown-keyword", "--no-same-owner",
        "-C", into.toString(), gzip ? "-xzf" : "-xf", archive.toString()));
    Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (tar.waitFor() != 0) {
      throw new IOException("tar failed on " + archive + ": " + output);
    }
  }
}
