package dev.symshapes.export.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which argument an op's result aliases, read from the schema's alias annotations. */
class OpSchemaAliasTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "aten::view(Tensor(a) self, SymInt[] size) -> Tensor(a)|0",
        "aten::add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)|0",
        "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor|-1",
        "mylib::second(Tensor x, Tensor(b) y) -> Tensor(b)|1",
        "mylib::out(Tensor x, *, Tensor(a!) out) -> Tensor(a!)|1",
        "aten::_native_batch_norm_legit_functional(Tensor input, Tensor? weight, Tensor? bias,"
            + " Tensor running_mean, Tensor running_var, bool training, float momentum, float eps)"
            + " -> (Tensor, Tensor, Tensor, Tensor, Tensor)|-1",
      })
  void aliasedArgument(String schema, int expected) {
    OptionalInt got = OpSchema.parse(schema).aliasedArgument();
    assertThat(got).isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "conv2d|3|[[1, 1], [0, 0], [1, 1], 1]",
        "flatten|1|[0, -1]",
        "sum|1|[null]",
      })
  void withDefaultsFillsTheOmittedArguments(String op, int given, String rest) {
    OpDef def =
        switch (op) {
          case "conv2d" -> AtenOps.CONV2D;
          case "flatten" -> AtenOps.FLATTEN;
          default -> AtenOps.SUM;
        };
    List<Object> args = new java.util.ArrayList<>();
    for (int i = 0; i < given; i++) {
      args.add("arg" + i);
    }
    List<Object> full = def.withDefaults(args);
    assertThat(full.subList(0, given)).isEqualTo(args);
    assertThat(String.valueOf(full.subList(given, full.size()))).isEqualTo(rest);
  }
}
