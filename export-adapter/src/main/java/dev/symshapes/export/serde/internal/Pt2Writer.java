package dev.symshapes.export.serde.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.tensor.TensorData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@code .pt2} archive as {@code package_pt2} of {@code
 * torch/export/pt2_archive/_package.py} does for one program named {@code model}: every record
 * under one root folder, stored uncompressed; weights and constants as raw little-endian payloads
 * ({@code weight_<i>}, {@code tensor_<i>}) described by {@code model_weights_config.json} and
 * {@code model_constants_config.json}; the program as {@code models/model.json}; an empty {@code
 * data/sample_inputs/model.pt} (PyTorch writes an empty record when there are no example inputs,
 * and its loader reads that record); then {@code archive_format}, {@code archive_version}, {@code
 * byteorder} and {@code .data/version}.
 */
public final class Pt2Writer {
  private Pt2Writer() {}

  /** Writes {@code ep} to {@code path}. */
  public static void save(ExportedProgram ep, Path path) {
    String root = rootName(path);
    Set<String> params = new HashSet<>();
    for (InputSpec s : ep.graphSignature().inputs()) {
      if (s.kind().name().equals("PARAMETER")) {
        s.target().ifPresent(params::add);
      }
    }
    byte[] model = Json.write(ProgramEncoder.encode(ep)).getBytes(UTF_8);
    try (OutputStream out = Files.newOutputStream(path);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      String m = Pt2Layout.DEFAULT_MODEL;
      ObjectNode weights =
          payloads(
              zip, root, Pt2Layout.WEIGHTS_DIR, Pt2Layout.WEIGHT_PREFIX, ep.stateDict(), params);
      put(zip, root + "/" + Pt2Layout.weightsConfig(m), Json.write(weights).getBytes(UTF_8));
      ObjectNode constants =
          payloads(
              zip,
              root,
              Pt2Layout.CONSTANTS_DIR,
              Pt2Layout.TENSOR_CONSTANT_PREFIX,
              ep.constants(),
              Set.of());
      put(zip, root + "/" + Pt2Layout.constantsConfig(m), Json.write(constants).getBytes(UTF_8));
      put(zip, root + "/" + Pt2Layout.model(m), model);
      put(zip, root + "/" + Pt2Layout.sampleInputs(m), new byte[0]);
      put(
          zip,
          root + "/" + Pt2Layout.ARCHIVE_FORMAT,
          Pt2Layout.ARCHIVE_FORMAT_VALUE.getBytes(UTF_8));
      put(
          zip,
          root + "/" + Pt2Layout.ARCHIVE_VERSION,
          Pt2Layout.ARCHIVE_VERSION_VALUE.getBytes(UTF_8));
      put(zip, root + "/" + Pt2Layout.BYTEORDER, "little".getBytes(UTF_8));
      put(zip, root + "/" + Pt2Layout.DATA_VERSION, Pt2Layout.DATA_VERSION_VALUE.getBytes(UTF_8));
    } catch (IOException e) {
      throw new SerdeException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** The archive's root folder: the file name without its extension, as a safe name. */
  static String rootName(Path path) {
    Path name = path.getFileName();
    String s = name == null ? "" : name.toString();
    int dot = s.lastIndexOf('.');
    if (dot > 0) {
      s = s.substring(0, dot);
    }
    s = s.replaceAll("[^A-Za-z0-9_.-]", "_");
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "archive" : s;
  }

  private static ObjectNode payloads(
      ZipOutputStream zip,
      String root,
      String dir,
      String prefix,
      Map<String, TensorData> tensors,
      Set<String> params)
      throws IOException {
    ObjectNode config = Json.object();
    int i = 0;
    for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
      String name = prefix + i++;
      put(zip, root + "/" + dir + name, Payloads.bytes(e.getValue()));
      config.set(e.getKey(), Payloads.meta(name, params.contains(e.getKey()), e.getValue()));
    }
    ObjectNode top = Json.object();
    top.set("config", config);
    return top;
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    e.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    // A fixed time, so that saving a program twice gives the same bytes.
    e.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }
}
