package dev.symshapes.export.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The batch loop of {@code symshapes decide}: one JSON object per input line answered by one line,
 * in order, so that output line {@code n} belongs to input line {@code n}. Blank lines and lines
 * starting with {@code #} are echoed. A line that fails gets an error object, {@code {"line": 3,
 * "column": 14, "error": "..."}} ({@code column} only when one applies), and the run goes on; a
 * summary of the failures goes to standard error and the exit status is then {@link
 * ExitStatus#FAILED}.
 */
final class JsonLines {
  /** Answers one line with one JSON object. */
  @FunctionalInterface
  interface Answerer {
    String answer(String line) throws DecideRequest.LineError;
  }

  private JsonLines() {}

  static ExitStatus run(BufferedReader in, PrintWriter out, PrintWriter err, Answerer answerer)
      throws IOException {
    int lineNumber = 0;
    int answered = 0;
    int failed = 0;
    int firstFailed = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.strip().startsWith("#")) {
        out.println(line);
        continue;
      }
      answered++;
      String answer;
      try {
        answer = answerer.answer(line);
      } catch (DecideRequest.LineError e) {
        answer = error(lineNumber, e.column, e.getMessage());
      } catch (RuntimeException e) {
        // A bug, not bad input: reported on its line so that it can be reproduced.
        answer = error(lineNumber, 0, "internal error: " + e);
      }
      if (answer.startsWith("{\"line\": ")) {
        if (failed++ == 0) {
          firstFailed = lineNumber;
        }
      }
      out.println(answer);
      if (!in.ready()) {
        out.flush();
      }
    }
    out.flush();
    if (failed > 0) {
      err.println(
          "error: "
              + failed
              + " of "
              + answered
              + (answered == 1 ? " input" : " inputs")
              + " failed; the first at line "
              + firstFailed);
      return ExitStatus.FAILED;
    }
    return ExitStatus.OK;
  }

  private static String error(int line, int column, String message) {
    return "{\"line\": "
        + line
        + (column > 0 ? ", \"column\": " + column : "")
        + ", \"error\": "
        + DecideCommand.quote(message)
        + "}";
  }
}
