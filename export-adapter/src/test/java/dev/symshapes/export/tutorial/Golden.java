package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden texts of tutorial cases: {@code <id>.expected} next to this class, compared word for
 * word (trailing spaces included: PyTorch's {@code print_readable} leaves indented blank lines).
 */
final class Golden {
  private Golden() {}

  /** The expected text of case {@code id}. */
  static String expected(String id) {
    try (InputStream in = Golden.class.getResourceAsStream(id + ".expected")) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + id + ".expected");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code c} and compares its text with its golden file; the case is registered. */
  static void check(TutorialCase c) {
    assertThat(TutorialCases.byId(c.id())).get().isInstanceOf(c.getClass());
    String actual = c.run(TutorialRun.of(c.id()));
    assertThat(actual).as("case %s: %s", c.id(), c.title()).isEqualTo(expected(c.id()));
  }
}
