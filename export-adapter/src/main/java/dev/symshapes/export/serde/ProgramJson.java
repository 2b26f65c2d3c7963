package dev.symshapes.export.serde;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.internal.Json;
import dev.symshapes.export.serde.internal.ProgramDecoder;
import dev.symshapes.export.serde.internal.ProgramEncoder;
import java.util.Map;

/**
 * An exported program as the JSON document of PyTorch's export schema (the {@code
 * models/model.json} of a {@code .pt2} archive): what {@code torch.export.save} writes and {@code
 * torch.export.load} reads, without the weights.
 *
 * <pre>{@code
 * String json = ProgramJson.write(ep);
 * ExportedProgram again = ProgramJson.read(json.getBytes(UTF_8),
 *     LoadOptions.defaults().withMissingState(LoadOptions.MissingState.ALLOW));
 * }</pre>
 *
 * <p>See the package documentation for the format and where each fact about it comes from.
 */
public final class ProgramJson {
  private ProgramJson() {}

  /**
   * The JSON of {@code ep} (compact, UTF-8 when encoded).
   *
   * @throws SerdeException naming the node or value that PyTorch's schema cannot hold
   */
  public static String write(ExportedProgram ep) {
    checkNotNull(ep, "ep");
    return Json.write(ProgramEncoder.encode(ep));
  }

  /**
   * Reads a program that has no parameters, buffers or constant tensors, or, with {@link
   * LoadOptions.MissingState#ALLOW}, one whose state is not needed.
   *
   * @throws SerdeException naming what is wrong and where ({@code graph_module.graph.nodes[3]})
   */
  public static ExportedProgram read(byte[] json, LoadOptions options) {
    return read(json, Map.of(), Map.of(), options);
  }

  /**
   * Reads a program with the values of its parameters and buffers ({@code stateDict}, by qualified
   * name) and constant tensors ({@code constants}, by target name).
   *
   * @throws SerdeException naming what is wrong and where
   */
  public static ExportedProgram read(
      byte[] json,
      Map<String, dev.symshapes.export.tensor.TensorData> stateDict,
      Map<String, dev.symshapes.export.tensor.TensorData> constants,
      LoadOptions options) {
    checkNotNull(json, "json");
    checkNotNull(options, "options");
    if (json.length > options.limits().maxJsonBytes()) {
      throw new SerdeException(
          "the JSON has "
              + json.length
              + " bytes, more than the limit of "
              + options.limits().maxJsonBytes());
    }
    return ProgramDecoder.decode(
        Json.parse(json, "JSON", options.limits().maxJsonDepth()), stateDict, constants, options);
  }

  /** {@link #read(byte[], LoadOptions)} of UTF-8 text with the default options. */
  public static ExportedProgram read(String json) {
    return read(checkNotNull(json, "json").getBytes(UTF_8), LoadOptions.defaults());
  }
}
