package dev.symshapes.export.serde.internal;

import dev.symshapes.export.graph.Node;
import dev.symshapes.export.program.GraphSignature;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.serde.LoadOptions.MissingState;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.TensorData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks that the parameters, buffers and constant tensors a program reads are there and have the
 * dtype and shape its placeholders declare, so that a loaded program runs or fails to load.
 */
final class StateCheck {
  private StateCheck() {}

  static void check(
      GraphSignature sig,
      List<Node> placeholders,
      Map<String, TensorData> state,
      Map<String, TensorData> constants,
      MissingState missing) {
    List<String> absent = new ArrayList<>();
    for (int i = 0; i < sig.inputs().size(); i++) {
      InputSpec s = sig.inputs().get(i);
      String kind = s.kind().name();
      Map<String, TensorData> source;
      if (kind.equals("PARAMETER") || kind.equals("BUFFER")) {
        source = state;
      } else if (kind.equals("CONSTANT_TENSOR")) {
        source = constants;
      } else {
        continue;
      }
      String target =
          s.target()
              .orElseThrow(() -> new SerdeException("input '" + s.name() + "' has no target"));
      TensorData t = source.get(target);
      if (t == null) {
        absent.add(target);
        continue;
      }
      if (placeholders.get(i).val() instanceof TensorMeta m) {
        long[] shape = new long[m.dim()];
        for (int d = 0; d < m.dim(); d++) {
          SymInt size = m.sizes().get(d);
          shape[d] = size.isConstant() ? size.constantValue() : -1;
        }
        if (m.dtype() != t.dtype() || !Arrays.equals(shape, t.shape())) {
          throw new SerdeException(
              "'"
                  + target
                  + "' is "
                  + t.dtype().shortName()
                  + Arrays.toString(t.shape())
                  + " but the program's input '"
                  + s.name()
                  + "' is "
                  + m);
        }
      }
    }
    if (!absent.isEmpty() && missing == MissingState.FAIL) {
      throw new SerdeException(
          "the values of "
              + absent
              + " are not in the file; load the .pt2 archive that holds them");
    }
  }
}
