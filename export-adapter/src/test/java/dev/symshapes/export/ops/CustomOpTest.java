package dev.symshapes.export.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Defining custom ops: names, schemas, kernels, registration, and tracing them. */
class CustomOpTest {
  @Test
  void aCustomOpRunsItsRealKernelDirectlyAndItsFakeKernelWhileTracing() {
    AtomicInteger real = new AtomicInteger();
    AtomicInteger fake = new AtomicInteger();
    OpDef op =
        CustomOp.define("mylib::double_it", "(Tensor x) -> Tensor")
            .kernel(
                args -> {
                  real.incrementAndGet();
                  TensorData x = (TensorData) args.get(0);
                  return Tensor.of(x).mul(2).data();
                })
            .fake(
                (ctx, args) -> {
                  fake.incrementAndGet();
                  TensorMeta m = (TensorMeta) args.get(0);
                  return TensorMeta.contiguous(m.dtype(), m.sizes());
                })
            .build();
    Tensor x = Torch.randn(1, 2, 3);
    assertThat(((Tensor) Dispatch.call(op, x)).data().allClose(x.mul(2).data())).isTrue();
    assertThat(real.get()).isEqualTo(1);
    Trace t = new Trace();
    Tensor traced = (Tensor) Dispatch.call(op, t.input("x", 2, 3));
    assertThat(traced.meta().toString()).isEqualTo("f32[s0, s1]");
    assertThat(real.get()).isEqualTo(1);
    assertThat(fake.get()).isEqualTo(1);
    assertThat(op.pythonTarget()).isEqualTo("torch.ops.mylib.double_it.default");
    assertThat(op.mutates()).isFalse();
  }

  @Test
  void registrationPutsTheOpInTheRegistryOnce() {
    OpRegistry r = OpRegistry.standard();
    OpDef op =
        CustomOp.define("mylib::ident.overload", "(Tensor x) -> Tensor")
            .kernel(args -> args.get(0))
            .fake(CustomOp.emptyLike(0))
            .register(r);
    assertThat(r.get("mylib::ident.overload")).isSameAs(op);
    assertThat(op.pythonTarget()).isEqualTo("torch.ops.mylib.ident.overload");
    assertThatThrownBy(
            () ->
                CustomOp.define("mylib::ident.overload", "(Tensor x) -> Tensor")
                    .kernel(args -> args.get(0))
                    .register(r))
        .hasMessage("operator mylib::ident.overload is already registered");
  }

  @Test
  void badDefinitionsAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> CustomOp.define("custom_op", "(Tensor x) -> Tensor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "custom op name 'custom_op' must be 'namespace::name' (as in"
                + " 'my_custom_library::custom_op')");
    assertThatThrownBy(() -> CustomOp.define("mylib::f", "Tensor x -> Tensor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "schema 'Tensor x -> Tensor' of custom op 'mylib::f' must start with its arguments:"
                + " '(Tensor x) -> Tensor'");
    assertThatThrownBy(() -> CustomOp.define("aten::mine", "(Tensor x) -> Tensor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "custom op 'aten::mine' uses the reserved namespace 'aten'; choose your own library's"
                + " name");
    assertThatThrownBy(() -> CustomOp.define("mylib::f", "(Tensor x) -> Tensor").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("custom op mylib::f has no real kernel; call kernel(...) first");
    assertThatThrownBy(() -> CustomOp.emptyLike(-1)).hasMessage("argument index (-1) must be >= 0");
  }

  @Test
  void emptyLikeNeedsATensorArgument() {
    MetaKernel k = CustomOp.emptyLike(1);
    assertThatThrownBy(() -> k.apply(null, List.of(1L)))
        .hasMessage("emptyLike(1): argument 1 is not a tensor");
  }
}
