package dev.symshapes.export.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code symshapes decide} input, read with Jackson's streaming parser so that every
 * error names its column:
 *
 * <pre>{@code
 * {"symbols": {"s0": [2, null]}, "hints": {"s0": 6}, "facts": ["Eq(s1, s0 + 2)"], "query": "s1 >= 4"}
 * }</pre>
 *
 * @param symbols each symbol's bounds, {@code null} for an infinite end
 * @param hints example values
 * @param facts guards known to hold
 * @param query the query
 */
record DecideRequest(
    Map<String, BigInteger[]> symbols,
    Map<String, BigInteger> hints,
    List<Located> facts,
    Located query) {

  /**
   * A string value with where its text starts in the line.
   *
   * @param text the decoded string
   * @param field where it is in the request ({@code facts[0]}, {@code query})
   * @param raw the line
   * @param quoteIndex the 0-based index of its opening quote in the line
   */
  record Located(String text, String field, String raw, int quoteIndex) {
    /**
     * The 1-based column in the line of the character at 1-based {@code column} of {@link #text},
     * counting escape sequences as written.
     */
    int lineColumn(int column) {
      int i = quoteIndex + 1;
      for (int decoded = 1; decoded < column && i < raw.length() && raw.charAt(i) != '"'; ) {
        if (raw.charAt(i) == '\\') {
          i += raw.charAt(i + 1) == 'u' ? 6 : 2;
        } else {
          i++;
        }
        decoded++;
      }
      return i + 1;
    }
  }

  /** Bad input, at a 1-based column of the line (0 when no column applies). */
  static final class LineError extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    LineError(int column, String message) {
      super(message, null, false, false);
      this.column = column;
    }
  }

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(1000).build())
          .build();

  /** Reads one line. */
  static DecideRequest parse(String line) throws LineError {
    try (JsonParser p = JSON.createParser(line)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
      Map<String, BigInteger[]> symbols = new LinkedHashMap<>();
      Map<String, BigInteger> hints = new LinkedHashMap<>();
      List<Located> facts = new ArrayList<>();
      Located query = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyColumn = column(p);
        JsonToken t = p.nextToken();
        switch (key) {
          case "symbols":
            expect(p, t, JsonToken.START_OBJECT, "an object of symbol ranges");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              expect(p, p.nextToken(), JsonToken.START_ARRAY, "[LO, HI] for " + name);
              BigInteger[] b = new BigInteger[2];
              for (int i = 0; i < 2; i++) {
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_NULL) {
                  b[i] = null;
                } else {
                  expect(p, v, JsonToken.VALUE_NUMBER_INT, "an integer or null bound of " + name);
                  b[i] = p.getBigIntegerValue();
                }
              }
              expect(p, p.nextToken(), JsonToken.END_ARRAY, "']' after the two bounds of " + name);
              if (b[0] != null && b[1] != null && b[0].compareTo(b[1]) > 0) {
                throw new LineError(
                    column(p), "empty range [" + b[0] + ", " + b[1] + "] for " + name);
              }
              symbols.put(name, b);
            }
            break;
          case "hints":
            expect(p, t, JsonToken.START_OBJECT, "an object of hints");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              expect(p, p.nextToken(), JsonToken.VALUE_NUMBER_INT, "an integer hint of " + name);
              hints.put(name, p.getBigIntegerValue());
            }
            break;
          case "facts":
            expect(p, t, JsonToken.START_ARRAY, "an array of facts");
            for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
              String field = "facts[" + facts.size() + "]";
              expect(p, v, JsonToken.VALUE_STRING, "a string for " + field);
              facts.add(located(p, line, field));
            }
            break;
          case "query":
            expect(p, t, JsonToken.VALUE_STRING, "a string query");
            query = located(p, line, "query");
            break;
          default:
            throw new LineError(
                keyColumn,
                "unknown key \"" + key + "\"; the keys are symbols, hints, facts and query");
        }
      }
      expect(p, p.currentToken(), JsonToken.END_OBJECT, "a key or '}'");
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new LineError(column(p), "text after the JSON object");
      }
      if (query == null) {
        throw new LineError(0, "no \"query\"");
      }
      return new DecideRequest(symbols, hints, facts, query);
    } catch (JsonParseException e) {
      // Jackson appends where an unclosed object started; the column says enough.
      String m = e.getOriginalMessage();
      int cut = m.indexOf(" (start marker at");
      m = (cut >= 0 ? m.substring(0, cut) : m).lines().findFirst().orElse(m);
      throw new LineError(
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), "not JSON: " + m);
    } catch (IOException e) {
      throw new LineError(0, "cannot read the line: " + e.getMessage());
    }
  }

  private static Located located(JsonParser p, String line, String field) throws IOException {
    return new Located(p.getText(), field, line, column(p) - 1);
  }

  private static int column(JsonParser p) {
    return p.currentTokenLocation().getColumnNr();
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String what)
      throws LineError, IOException {
    if (actual != wanted) {
      throw new LineError(
          actual == null ? 0 : column(p),
          "expected " + what + ", got " + (actual == null ? "the end of the line" : describe(p)));
    }
  }

  private static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case END_OBJECT:
        return "'}'";
      case END_ARRAY:
        return "']'";
      case FIELD_NAME:
        return "the key \"" + p.currentName() + "\"";
      case VALUE_STRING:
        return "the string \"" + p.getText() + "\"";
      default:
        return p.getText();
    }
  }
}
