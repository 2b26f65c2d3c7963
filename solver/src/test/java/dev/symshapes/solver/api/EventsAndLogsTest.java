package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.DuckSizing;
import dev.symshapes.solver.LocationCapture;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.event.ShapeEnvEvent;
import dev.symshapes.solver.event.ShapeEnvEvent.Kind;
import dev.symshapes.solver.event.ShapeEnvEvent.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Events: every kind, its level and words, listeners, and the {@code SYMSHAPES_LOGS} switch. */
class EventsAndLogsTest {
  /** Runs a session that produces every kind of event. */
  private static void everyKind(ShapeEnv env) {
    ExprFactory f = env.factory();
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0), SymbolSpec.duck());
    env.createSymbol(6, Source.size("y", 0), SymbolSpec.duck());
    Sym u0 = env.createUnbackedSymInt();
    env.check(f.ge(u0, f.integer(0)));
    env.constrainSymbolRange(u0, IntRange.of(0, 10));
    env.evaluateExpr(f.gt(s0, f.integer(1)));
    env.guardOrFalse(f.eq(u0, f.integer(3)));
    env.evaluateExpr(f.le(s0, f.integer(8)));
    env.evaluateExpr(f.eq(s0, f.integer(6)));
    env.produceGuards();
  }

  private static ShapeEnv.Builder duck() {
    return ShapeEnv.builder().duckSizing(DuckSizing.ENABLED);
  }

  @Test
  void listenersReceiveEveryEventInOrderWithPyTorchsWordsAndLevels() {
    Recorder rec = new Recorder();
    everyKind(duck().listener(rec).logSwitch(LogSwitch.OFF).build());
    assertThat(rec.messages())
        .containsExactly(
            "create_symbol s0 = 6 for L['x'].size()[0] [2, int_oo]",
            "create_symbol s0 duck sized L['y'].size()[0]",
            "create_unbacked_symint u0 [-int_oo, int_oo]",
            "_update_var_to_range u0 = VR[0, int_oo] (update)",
            "runtime_assert u0 >= 0 [guard added]",
            "_update_var_to_range u0 = VR[0, 10] (update)",
            "constrain_symbol_range u0 [0, 10]",
            "eval s0 > 1 == True [statically known]",
            "could not evaluate Eq(u0, 3) due to data dependency, it was assumed to be False with"
                + " no runtime assertions",
            "_update_var_to_range s0 = VR[2, 8] (update)",
            "eval s0 <= 8 [guard added]",
            "_update_var_to_range s0 = VR[6, 6] (update)",
            "set_replacement s0 = 6 (range_refined_to_singleton) VR[6, 6]",
            "eval Eq(s0, 6) [guard added]",
            "produce_guards");
    EnumSet<Kind> seen = EnumSet.noneOf(Kind.class);
    for (ShapeEnvEvent e : rec.events) {
      seen.add(e.kind());
      Level expected =
          EnumSet.of(Kind.DUCK_SIZED, Kind.UPDATE_VAR_TO_RANGE, Kind.STATICALLY_KNOWN)
                  .contains(e.kind())
              ? Level.DEBUG
              : Level.INFO;
      assertThat(e.level()).as("level of %s", e.message()).isEqualTo(expected);
    }
    assertThat(seen).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void guardAndSymbolLinesNameTheUsersFileAndLine() {
    Recorder rec = new Recorder();
    ShapeEnv env = rec.env();
    ExprFactory f = env.factory();
    int line = Recorder.nextLine();
    IntExpr s0 = env.createSymbol(6, Source.size("w", 0));
    env.check(f.le(s0, f.integer(512)));
    env.evaluateExpr(f.eq(s0, f.integer(6)));
    String at = " in guardAndSymbolLinesNameTheUsersFileAndLine)";
    assertThat(rec.lines())
        .containsExactly(
            "create_symbol s0 = 6 for L['w'].size()[0] [2, int_oo] (EventsAndLogsTest.java:"
                + line
                + at,
            "_update_var_to_range s0 = VR[2, 512] (update)",
            "runtime_assert s0 <= 512 [guard added] (EventsAndLogsTest.java:" + (line + 1) + at,
            "_update_var_to_range s0 = VR[6, 6] (update)",
            "set_replacement s0 = 6 (range_refined_to_singleton) VR[6, 6]",
            "eval Eq(s0, 6) [guard added] (EventsAndLogsTest.java:" + (line + 2) + at);
  }

  @Test
  void locationsCanBeLeftOut() {
    Recorder rec = new Recorder();
    ShapeEnv env =
        ShapeEnv.builder()
            .listener(rec)
            .logSwitch(LogSwitch.OFF)
            .locations(LocationCapture.NONE)
            .build();
    ExprFactory f = env.factory();
    IntExpr s0 = env.createSymbol(6, Source.size("w", 0));
    env.check(f.le(s0, f.integer(512)));
    assertThat(rec.lines())
        .containsExactly(
            "create_symbol s0 = 6 for L['w'].size()[0] [2, int_oo]",
            "_update_var_to_range s0 = VR[2, 512] (update)",
            "runtime_assert s0 <= 512 [guard added]");
    assertThat(env.guards().get(0).location()).isEmpty();
    assertThat(env.symbolInfo((Sym) s0).location()).isEmpty();
  }

  @Test
  void theSwitchParsesPyTorchsSpellings() {
    assertThat(LogSwitch.parse("+dynamic")).isEqualTo(LogSwitch.ALL);
    assertThat(LogSwitch.parse("dynamic")).isEqualTo(LogSwitch.INFO);
    assertThat(LogSwitch.parse("graph_code, +dynamic")).isEqualTo(LogSwitch.ALL);
    assertThat(LogSwitch.parse("DYNAMIC")).isEqualTo(LogSwitch.INFO);
    assertThat(LogSwitch.parse("+graph")).isEqualTo(LogSwitch.OFF);
    assertThat(LogSwitch.parse("")).isEqualTo(LogSwitch.OFF);
    assertThat(LogSwitch.parse(null)).isEqualTo(LogSwitch.OFF);
    assertThat(LogSwitch.ALL.logs(Level.DEBUG)).isTrue();
    assertThat(LogSwitch.INFO.logs(Level.DEBUG)).isFalse();
    assertThat(LogSwitch.INFO.logs(Level.INFO)).isTrue();
    assertThat(LogSwitch.OFF.logs(Level.INFO)).isFalse();
  }

  @Test
  void slf4jLinesFollowTheSwitch() {
    String all = captureStderr(err -> everyKind(duck().logSwitch(LogSwitch.ALL).build()));
    String info = captureStderr(err -> everyKind(duck().logSwitch(LogSwitch.INFO).build()));
    String off = captureStderr(err -> everyKind(duck().logSwitch(LogSwitch.OFF).build()));
    String prefix = " INFO dev.symshapes.solver.ShapeEnv - ";
    assertThat(lines(all))
        .hasSize(15)
        .allMatch(l -> l.contains(prefix))
        .anyMatch(l -> l.endsWith(prefix + "_update_var_to_range u0 = VR[0, 10] (update)"))
        .anyMatch(l -> l.endsWith(prefix + "produce_guards"));
    assertThat(lines(info))
        .hasSize(9)
        .noneMatch(l -> l.contains("_update_var_to_range") || l.contains("[statically known]"))
        .anyMatch(
            l -> l.contains(prefix + "eval Eq(s0, 6) [guard added] (EventsAndLogsTest.java:"));
    assertThat(off).isEmpty();
  }

  @Test
  void theSwitchIsReadFromTheSystemProperty() {
    String before = System.getProperty(LogSwitch.NAME);
    try {
      System.setProperty(LogSwitch.NAME, "dynamic");
      String out =
          captureStderr(
              err -> {
                ShapeEnv env = ShapeEnv.create();
                env.createSymbol(6, Source.size("x", 0));
              });
      assertThat(lines(out)).hasSize(1);
      assertThat(out).contains("create_symbol s0 = 6 for L['x'].size()[0] [2, int_oo]");
      System.setProperty(LogSwitch.NAME, "off");
      assertThat(captureStderr(err -> ShapeEnv.create().createSymbol(6, Source.size("x", 0))))
          .isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty(LogSwitch.NAME);
      } else {
        System.setProperty(LogSwitch.NAME, before);
      }
    }
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    for (String l : s.split("\n", -1)) {
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  /** What {@code body} writes to standard error (where slf4j-simple logs). */
  private static String captureStderr(Consumer<PrintStream> body) {
    PrintStream saved = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setErr(ps);
    try {
      body.accept(ps);
    } finally {
      System.setErr(saved);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
