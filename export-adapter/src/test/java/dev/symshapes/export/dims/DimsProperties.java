package dev.symshapes.export.dims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapes;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.InputCheckException;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.constraint.ConstraintViolationException;
import dev.symshapes.solver.sample.Assignment;
import dev.symshapes.solver.sample.SampleRule;
import dev.symshapes.solver.sample.ShapeSampler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * For random specs with named, derived and phantom-rooted dims over a small model (which may bound
 * and compare sizes): the export succeeds, directly or after applying the suggested fixes; every
 * shape the solver's sampler draws inside the program's rules is accepted by {@code module()} and
 * runs; and every shape that breaks exactly one rule is rejected with a message that names that
 * rule. Each example exports a program (twice when the spec needed fixes) and runs it about a dozen
 * times, so this runs a third of {@code symshapes.props.runs} examples (default 300, so 100);
 * QuickTheories prints the falsifying seed, from which the case is rebuilt.
 */
class DimsProperties {
  private static final int RUNS = Integer.getInteger("symshapes.props.runs", 300);
  private static final String[] INPUTS = {"x", "y", "z"};

  /** Adds one to each input; may bound {@code x.size(0)} and branch on {@code x0 != z0}. */
  public static final class Small extends Module {
    private final long bound;
    private final boolean compare;

    Small(long bound, boolean compare) {
      this.bound = bound;
      this.compare = compare;
    }

    public Object forward(Tensor x, Tensor y, Tensor z) {
      if (bound > 0) {
        Torch.check(x.size(0).le(bound));
      }
      if (compare && x.size(0).ne(z.size(0)).bool()) {
        return new Object[] {x.add(1), y.add(1), z.add(2)};
      }
      return new Object[] {x.add(1), y.add(1), z.add(1)};
    }
  }

  /** A random spec, model and example inputs. */
  record Case(Map<String, Object> spec, long bound, boolean compare, long[] x, long y, long z) {
    static Case of(SplittableRandom r) {
      long min = new long[] {0, 2, 3, 5}[r.nextInt(4)];
      long lo = Math.max(min, 2);
      Dim dx =
          r.nextBoolean() ? Dim.of("dx").withMin(min) : Dim.of("dx", min, lo + 8 + r.nextInt(150));
      long a = 1 + r.nextInt(3);
      long b = r.nextInt(4);
      Dim dy = dx.times(a).plus(b);
      long c = 2 + r.nextInt(3);
      Dim dz = r.nextBoolean() ? Dim.of("dz") : Dim.of("dz", 0, 2 + r.nextInt(20));
      long hiX = dx.max().isPresent() ? dx.max().getAsLong() : lo + 40;
      long vx = lo + r.nextInt((int) (hiX - lo + 1));
      long hiZ = dz.max().isPresent() ? dz.max().getAsLong() : 12;
      long vz = 2 + r.nextInt((int) (hiZ - 1));
      if (c * vz == vx) {
        vz = vz == 2 ? 3 : vz - 1;
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("x", Arrays.asList(dx, null));
      spec.put("y", List.of(dy));
      spec.put("z", List.of(dz.times(c)));
      long bound = r.nextInt(3) == 0 ? vx + r.nextInt(60) : 0;
      return new Case(spec, bound, r.nextBoolean(), new long[] {vx, 3}, a * vx + b, c * vz);
    }

    Object[] inputs() {
      return new Object[] {zeros(x), zeros(y), zeros(z)};
    }
  }

  static Tensor zeros(long... shape) {
    return Tensor.of(TensorData.zeros(shape, DType.FLOAT32));
  }

  /** Exports, applying the suggested fixes once if the spec and the program disagree. */
  static ExportedProgram export(Case c) {
    try {
      return Export.export(new Small(c.bound(), c.compare()), c.inputs(), c.spec());
    } catch (ConstraintViolationException e) {
      Map<String, Object> refined = DynamicShapes.refine(c.spec(), e);
      return Export.export(new Small(c.bound(), c.compare()), c.inputs(), refined);
    }
  }

  static Object[] inputsOf(ShapeSampler s, Assignment a) {
    Object[] in = new Object[INPUTS.length];
    for (int i = 0; i < INPUTS.length; i++) {
      String name = INPUTS[i];
      long d0 = a.size(Source.size(name, 0));
      in[i] = name.equals("x") ? zeros(d0, a.size(Source.size("x", 1))) : zeros(d0);
    }
    return in;
  }

  /** {@code *args[1].shape[0]} for {@code L['y'].size()[0]}. */
  static String path(Source src) {
    String input = src.base().substring(3, src.base().length() - 2);
    return "*args[" + Arrays.asList(INPUTS).indexOf(input) + "].shape[" + src.index() + "]";
  }

  /** What the rejection of a shape that breaks {@code rule} must say. */
  static void assertNames(SampleRule rule, String message) {
    if (rule.kind() == SampleRule.Kind.GUARD) {
      assertThat(message).startsWith("Guard failed: ");
      return;
    }
    assertThat(message).contains(path(rule.source().get()));
    switch (rule.kind()) {
      case LOWER:
        assertThat(message).contains("to be >= " + rule.bound().get() + ", but got");
        break;
      case UPPER:
        assertThat(message).contains("to be <= " + rule.bound().get() + ", but got");
        break;
      case STATIC:
        assertThat(message).contains("to be equal to " + rule.bound().get() + ", but got");
        break;
      case FORM:
        assertThat(message).contains("to be of the form " + rule.expr().get() + ", where");
        break;
      default:
        assertThat(message).contains("to be equal to ");
        break;
    }
  }

  @Test
  void sampledShapesRunAndShapesBreakingOneRuleAreRejectedByName() {
    qt().withExamples(Math.max(1, RUNS / 3))
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = Case.of(new SplittableRandom(seed));
              ExportedProgram ep = export(c);
              ExportedModule m = ep.module();
              ShapeSampler sampler = ShapeSampler.of(ep.shapeEnv(), ep.guards());
              Random rnd = new Random(seed);
              for (int i = 0; i < 3; i++) {
                Assignment a = sampler.sample(rnd).orElseThrow();
                Object[] out = (Object[]) m.call(inputsOf(sampler, a));
                assertThat(((Tensor) out[1]).data().shape())
                    .containsExactly(a.size(Source.size("y", 0)));
              }
              for (SampleRule rule : sampler.rules()) {
                var bad = sampler.violating(rule, rnd);
                if (bad.isEmpty()) {
                  // only a lower bound whose next smaller size is negative cannot be broken
                  assertThat(rule.kind()).isEqualTo(SampleRule.Kind.LOWER);
                  continue;
                }
                Object[] in = inputsOf(sampler, bad.get());
                assertThatThrownBy(() -> m.call(in))
                    .isInstanceOf(InputCheckException.class)
                    .satisfies(e -> assertNames(rule, e.getMessage()));
              }
            });
  }
}
