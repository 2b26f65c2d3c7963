package dev.symshapes.export.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a command's input: a file, or standard input for {@code -}. */
final class InputFiles {
  private static final int BUFFER = 1 << 16;

  private InputFiles() {}

  static BufferedReader open(String file, InputStream stdin) throws IOException {
    if (file.equals("-")) {
      return new BufferedReader(new InputStreamReader(stdin, UTF_8), BUFFER);
    }
    return Files.newBufferedReader(Path.of(file), UTF_8);
  }
}
