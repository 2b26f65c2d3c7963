package dev.symshapes.export.dims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapes;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.InputCheckException;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.constraint.ConstraintViolation;
import dev.symshapes.solver.constraint.ConstraintViolationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every kind of constraint violation, word for word, and the round trip: applying the suggested
 * fixes to the spec makes the export succeed. Causes name this file's lines.
 */
class ViolationRoundTripTest {
  private static final Generator RNG = new Generator(7);

  static Tensor randn(long... shape) {
    return Tensor.of(CreationKernels.randn(shape, DType.FLOAT32, RNG));
  }

  static Map<String, Object> spec(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The outcome of a round trip. */
  record RoundTrip(
      ConstraintViolationException violation,
      Map<String, Object> refined,
      ExportedProgram program) {
    /** The violation's message with this file's line numbers hidden. */
    String message() {
      return violation.getMessage().replaceAll("ViolationRoundTripTest\\.java:\\d+", "Test.java:N");
    }

    ConstraintViolation.Kind onlyKind() {
      assertThat(violation.violations()).hasSize(1);
      return violation.violations().get(0).kind();
    }
  }

  /** Exports, expects a violation, refines the spec, exports again and runs the program. */
  static RoundTrip roundTrip(Supplier<Module> model, Object[] args, Map<String, Object> spec) {
    ConstraintViolationException e =
        catchThrowableOfType(
            ConstraintViolationException.class, () -> Export.export(model.get(), args, spec));
    assertThat(e).as("export should fail with a constraint violation").isNotNull();
    Map<String, Object> refined = DynamicShapes.refine(spec, e);
    ExportedProgram ep = Export.export(model.get(), args, refined);
    assertThat(ep.module().call(args)).isNotNull();
    return new RoundTrip(e, refined, ep);
  }

  /** Bounds its input: {@code x.size(0) <= 128}. */
  public static final class Bounded extends Module {
    public Tensor forward(Tensor x) {
      Torch.check(x.size(0).le(128));
      return x.add(1);
    }
  }

  @Test
  void range() {
    RoundTrip r =
        roundTrip(Bounded::new, new Object[] {randn(6)}, spec("x", List.of(Dim.of("dx"))));
    assertThat(r.onlyKind()).isEqualTo(ConstraintViolation.Kind.RANGE);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (dx)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of dx = L['x'].size()[0] in the specified range satisfy the"
                + " generated guard 2 <= L['x'].size()[0] and L['x'].size()[0] <= 128\n"
                + "    Caused by: s0 <= 128 (runtime assert added at Test.java:N in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dx = Dim('dx', max=128)");
    assertThat(r.refined()).hasToString("{x=[Dim('dx', max=128)]}");
    assertThat(r.program().rangeConstraints().toString()).isEqualTo("{s0=VR[2, 128]}");
  }

  /** Ties {@code y.size(0) == 2*x.size(0) + 1}. */
  public static final class Related extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      Torch.check(y.size(0).eq(x.size(0).times(2).plus(1)));
      return x.add(1);
    }
  }

  @Test
  void related() {
    RoundTrip r =
        roundTrip(
            Related::new,
            new Object[] {randn(3), randn(7)},
            spec("x", List.of(Dim.of("dx")), "y", List.of(Dim.of("dy"))));
    assertThat(r.onlyKind()).isEqualTo(ConstraintViolation.Kind.RELATED);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (dy)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - The values of dy = L['y'].size()[0] must always be related to the values of"
                + " dx = L['x'].size()[0] by dy = 2*dx + 1.\n"
                + "    Caused by: Eq(s1, 2*s0 + 1) (runtime assert added at Test.java:N in"
                + " forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dy = 2*dx + 1");
    assertThat(r.refined()).hasToString("{x=[Dim('dx')], y=[2*dx + 1]}");
    assertThat(r.program().printReadable()).contains("x: \"f32[s0]\", y: \"f32[2*s0 + 1]\"");
  }

  /** {@code x + y} for 1-D inputs: their sizes must be equal. */
  public static final class Add extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      return x.add(y);
    }
  }

  @Test
  void equalToAnAutoDim() {
    RoundTrip r =
        roundTrip(
            Add::new,
            new Object[] {randn(5), randn(5)},
            spec("x", List.of(Dim.AUTO), "y", List.of(Dim.of("dy"))));
    assertThat(r.onlyKind()).isEqualTo(ConstraintViolation.Kind.EQUAL);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (dy)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - The values of dy = L['y'].size()[0] and L['x'].size()[0] must always be"
                + " equal.\n"
                + "    Caused by: Eq(s0, s1) (runtime assert added at Test.java:N in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dynamic_shapes['x'][0] = dy");
    assertThat(r.refined()).hasToString("{x=[Dim('dy')], y=[Dim('dy')]}");
  }

  /** {@code flatten(x) + z}: z's size is a product. */
  public static final class Product extends Module {
    public Tensor forward(Tensor x, Tensor z) {
      return x.flatten().add(z);
    }
  }

  @Test
  void product() {
    RoundTrip r =
        roundTrip(
            Product::new,
            new Object[] {randn(3, 4), randn(12)},
            spec("x", List.of(Dim.AUTO, Dim.AUTO), "z", List.of(Dim.of("dz"))));
    assertThat(r.onlyKind()).isEqualTo(ConstraintViolation.Kind.UNSUPPORTED_RELATION);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (dz)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of dz = L['z'].size()[0] in the specified range are valid"
                + " because dz was inferred to be equal to"
                + " L['x'].size()[0]*L['x'].size()[1].\n"
                + "    Caused by: Eq(s0*s1, s2) (runtime assert added at Test.java:N in"
                + " forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dynamic_shapes['z'][0] = Dim.AUTO");
    assertThat(r.refined()).hasToString("{x=[Dim.AUTO, Dim.AUTO], z=[Dim.AUTO]}");
  }

  /** Divisibility: {@code x.size(0) % 4 == 0}. */
  public static final class Divisible extends Module {
    public Tensor forward(Tensor x) {
      Torch.check(x.size(0).mod(4).eq(0));
      return x.add(1);
    }
  }

  @Test
  void divisibility() {
    RoundTrip r =
        roundTrip(Divisible::new, new Object[] {randn(8)}, spec("x", List.of(Dim.of("dx"))));
    assertThat(r.onlyKind()).isEqualTo(ConstraintViolation.Kind.GUARD);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (dx)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of dx = L['x'].size()[0] in the specified range satisfy the"
                + " generated guard (L['x'].size()[0] % 4) == 0.\n"
                + "    Caused by: Eq(Mod(s0, 4), 0) (runtime assert added at Test.java:N in"
                + " forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  _dx = Dim('_dx')\n"
                + "  dx = 4*_dx");
    assertThat(r.refined()).hasToString("{x=[4*_dx]}");
    assertThat(r.program().printReadable()).contains("x: \"f32[4*s1]\"");
  }

  /** {@code x + ones(4)}: x's size is 4. */
  public static final class Four extends Module {
    public Tensor forward(Tensor x) {
      return x.add(Torch.ones(4));
    }
  }

  @Test
  void dynamicSpecialized() {
    RoundTrip r = roundTrip(Four::new, new Object[] {randn(4)}, spec("x", List.of(Dim.DYNAMIC)));
    assertThat(r.onlyKind()).isEqualTo(ConstraintViolation.Kind.SPECIALIZED);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (L['x'].size()[0])! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - You marked L['x'].size()[0] as dynamic but your code specialized it to be a"
                + " constant (4). If you're using Dim.DYNAMIC, replace it with either Dim.STATIC or"
                + " Dim.AUTO.\n"
                + "    Caused by: Eq(s0, 4) (runtime assert added at Test.java:N in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dynamic_shapes['x'][0] = 4");
    assertThat(r.refined()).hasToString("{x=[4]}");
  }

  @Test
  void namedSpecialized() {
    RoundTrip r = roundTrip(Four::new, new Object[] {randn(4)}, spec("x", List.of(Dim.of("dx"))));
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (dx)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of dx = L['x'].size()[0] in the specified range are valid"
                + " because dx was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s0, 4) (runtime assert added at Test.java:N in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dx = 4");
    assertThat(r.refined()).hasToString("{x=[4]}");
  }

  @Test
  void derivedSpecializedFixesTheRoot() {
    Dim dx = Dim.of("dx", 2, 64);
    RoundTrip r = roundTrip(Four::new, new Object[] {randn(4)}, spec("x", List.of(dx.times(2))));
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (2*dx)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of 2*dx = L['x'].size()[0] in the specified range 4 <="
                + " 2*dx <= 128 are valid because 2*dx was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s0, 4) (runtime assert added at Test.java:N in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dx = 2");
    assertThat(r.refined()).hasToString("{x=[4]}");
  }

  @Test
  void phantomRootRange() {
    RoundTrip r =
        roundTrip(Bounded::new, new Object[] {randn(8)}, spec("x", List.of(Dim.of("dx").times(4))));
    assertThat(r.onlyKind()).isEqualTo(ConstraintViolation.Kind.RANGE);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (dx)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of dx in the specified range satisfy the generated guard 2 <="
                + " dx and dx <= 32\n"
                + "    Caused by: Eq(s0, 4*s1) (guard added at Test.java:N in"
                + " roundTrip)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dx = Dim('dx', max=32)");
    assertThat(r.refined()).hasToString("{x=[4*dx]}");
    assertThat(r.program().rangeConstraints().toString())
        .isEqualTo("{s1=VR[2, 32], 4*s1=VR[8, 128]}");
  }

  /** Relates, bounds and specializes: every kind of violation in one trace. */
  public static final class Several extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      Torch.check(y.size(0).eq(x.size(0).times(2).plus(1)));
      Torch.check(x.size(0).le(100));
      return x.add(Torch.ones(4));
    }
  }

  @Test
  void severalViolationsInOneMessage() {
    List<Dim> d = Dim.dims("dx", "dy", "d1");
    RoundTrip r =
        roundTrip(
            Several::new,
            new Object[] {randn(3, 4), randn(7, 4)},
            spec("x", List.of(d.get(0), d.get(2)), "y", List.of(d.get(1), d.get(2))));
    assertThat(r.violation().violations())
        .extracting(ConstraintViolation::kind)
        .containsExactly(
            ConstraintViolation.Kind.SPECIALIZED,
            ConstraintViolation.Kind.SPECIALIZED,
            ConstraintViolation.Kind.RELATED,
            ConstraintViolation.Kind.RANGE);
    assertThat(r.message())
        .isEqualTo(
            "Constraints violated (d1, dx, dy)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of d1 = L['x'].size()[1] in the specified range are valid"
                + " because d1 was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s1, 4) (runtime assert added at Test.java:N in forward)\n"
                + "  - Not all values of d1 = L['y'].size()[1] in the specified range are valid"
                + " because d1 was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s3, s1) (guard added at Test.java:N in roundTrip);"
                + " Eq(s1, 4) (runtime assert added at Test.java:N in forward)\n"
                + "  - The values of dy = L['y'].size()[0] must always be related to the values of"
                + " dx = L['x'].size()[0] by dy = 2*dx + 1.\n"
                + "    Caused by: Eq(s2, 2*s0 + 1) (runtime assert added at Test.java:N in"
                + " forward)\n"
                + "  - Not all values of dx = L['x'].size()[0] in the specified range satisfy the"
                + " generated guard 2 <= L['x'].size()[0] and L['x'].size()[0] <= 100\n"
                + "    Caused by: s0 <= 100 (runtime assert added at Test.java:N in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dx = Dim('dx', max=100)\n"
                + "  d1 = 4\n"
                + "  dy = 2*dx + 1");
    assertThat(r.refined()).hasToString("{x=[Dim('dx', max=100), 4], y=[2*dx + 1, 4]}");
  }

  /** Adds one to two inputs. */
  public static final class Two extends Module {
    public Object forward(Tensor x, Tensor y) {
      return new Object[] {x.add(1), y.add(1)};
    }
  }

  @Test
  void theSameNameMeansEqualSizes() {
    Dim dx = Dim.of("dx", 2, 32);
    ExportedProgram ep =
        Export.export(
            new Two(),
            new Object[] {randn(5, 2), randn(5)},
            spec("x", Arrays.asList(dx, null), "y", List.of(dx)));
    assertThat(ep.printReadable()).contains("x: \"f32[s0, 2]\", y: \"f32[s0]\"");
    assertThat(ep.guards().rangeConstraintsString()).isEqualTo("{s0: VR[2, 32]}");
    assertThat(ep.module().call(randn(7, 2), randn(7))).isNotNull();
    assertThatThrownBy(() -> ep.module().call(randn(7, 2), randn(8)))
        .isInstanceOf(InputCheckException.class)
        .hasMessage("Expected input at *args[1].shape[0] to be equal to 7, but got 8");
  }
}
