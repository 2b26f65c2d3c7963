package dev.symshapes.export.serde;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken archives: each is refused with a message that names what is wrong, before
 * anything large is allocated.
 */
class HostileArchiveTest {
  @TempDir Path dir;
  private Map<String, byte[]> good;
  private Path file;

  @BeforeEach
  void saveAGoodArchive() throws IOException {
    Path g = dir.resolve("m.pt2");
    Pt2Archive.save(SerdePrograms.tutorial("T01-1").program(), g);
    good = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(g.toFile())) {
      z.stream().forEach(e -> good.put(e.getName(), read(z, e)));
    }
    file = dir.resolve("hostile.pt2");
  }

  private static byte[] read(ZipFile z, ZipEntry e) {
    try {
      return z.getInputStream(e).readAllBytes();
    } catch (IOException ex) {
      throw new AssertionError(ex);
    }
  }

  private void write(Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry z = new ZipEntry(e.getKey());
        z.setMethod(ZipEntry.STORED);
        z.setSize(e.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(e.getValue());
        z.setCrc(crc.getValue());
        zip.putNextEntry(z);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }

  private Map<String, byte[]> with(String name, String text) {
    return with(name, text.getBytes(UTF_8));
  }

  private Map<String, byte[]> with(String name, byte[] data) {
    Map<String, byte[]> m = new LinkedHashMap<>(good);
    m.put(name, data);
    return m;
  }

  private String text(String name) {
    return new String(good.get(name), UTF_8);
  }

  private void assertRefused(Map<String, byte[]> entries, String message) throws IOException {
    write(entries);
    assertThatThrownBy(() -> Pt2Archive.load(file))
        .isInstanceOf(SerdeException.class)
        .hasMessage(message);
  }

  @Test
  void theGoodArchiveLoads() throws IOException {
    write(good);
    assertThat(Pt2Archive.load(file).stateDict()).containsOnlyKeys("lin.weight", "lin.bias");
  }

  @Test
  void entryNamesThatEscapeTheRoot() throws IOException {
    assertRefused(
        with("m/../../etc/cron.d/x", "x"),
        file + ": entry name 'm/../../etc/cron.d/x' escapes the archive root");
    assertRefused(
        with("m/./models/x.json", "x"),
        file + ": entry name 'm/./models/x.json' escapes the archive root");
    assertRefused(
        with("/etc/passwd", "x"), file + ": entry name '/etc/passwd' is not a relative path");
    assertRefused(with("m\\..\\x", "x"), file + ": entry name 'm\\..\\x' is not a relative path");
    assertRefused(
        with("other/archive_format", "pt2"),
        file + ": entry 'other/archive_format' is outside the archive's root folder 'm'");
  }

  @Test
  void duplicateEntries() throws IOException {
    write(with("m/models/modeX.json", good.get("m/models/model.json")));
    byte[] bytes = Files.readAllBytes(file);
    byte[] from = "m/models/modeX.json".getBytes(UTF_8);
    byte[] to = "m/models/model.json".getBytes(UTF_8);
    for (int i = 0; i + from.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, bytes, i, to.length);
      }
    }
    Files.write(file, bytes);
    assertThatThrownBy(() -> Pt2Archive.load(file))
        .isInstanceOf(SerdeException.class)
        .hasMessage(file + ": duplicate entry 'm/models/model.json'");
  }

  @Test
  void payloadsBeyondTheirTensorMetadata() throws IOException {
    assertRefused(
        with("m/data/weights/weight_1", new byte[4000]),
        file
            + ": record 'data/weights/weight_1' declares 4000 bytes but its tensor metadata needs 40");
    assertRefused(
        with("m/data/weights/weight_1", new byte[12]),
        file
            + ": record 'data/weights/weight_1' declares 12 bytes but its tensor metadata needs 40");
  }

  @Test
  void tensorMetadataBeyondTheLimits() throws IOException {
    String config = text("m/data/weights/model_weights_config.json");
    assertRefused(
        with(
            "m/data/weights/model_weights_config.json",
            config.replace(
                "\"sizes\":[{\"as_int\":10},{\"as_int\":100}]",
                "\"sizes\":[{\"as_int\":100000},{\"as_int\":100000}]")),
        "data/weights/model_weights_config.json.config.lin.weight.tensor_meta: a tensor of"
            + " 10000000000 elements over a storage of 10099900 elements is larger than symshapes'"
            + " tensors (2147483639 elements)");
    assertRefused(
        with(
            "m/data/weights/model_weights_config.json",
            config
                .replace(
                    "\"sizes\":[{\"as_int\":10},{\"as_int\":100}]",
                    "\"sizes\":[{\"as_int\":30000},{\"as_int\":30000}]")
                .replace(
                    "\"strides\":[{\"as_int\":100},{\"as_int\":1}]",
                    "\"strides\":[{\"as_int\":30000},{\"as_int\":1}]")),
        file + ": the tensors need 3600000040 bytes, more than the limit of 2147483648");
  }

  @Test
  void deeplyNestedJson() throws IOException {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertRefused(
        with("m/models/model.json", deep), "models/model.json: JSON nested deeper than 256 levels");
  }

  @Test
  void unknownTargets() throws IOException {
    assertRefused(
        with(
            "m/models/model.json",
            text("m/models/model.json")
                .replace("torch.ops.aten.add.Tensor", "torch.ops.aten.frobnicate.default")),
        "graph_module.graph.nodes[0].target: unknown operator 'torch.ops.aten.frobnicate.default'"
            + " (aten::frobnicate is not in the op registry)");
    assertRefused(
        with(
            "m/models/model.json",
            text("m/models/model.json").replace("torch.ops.aten.add.Tensor", "builtins.eval")),
        "graph_module.graph.nodes[0].target: unknown target 'builtins.eval'");
  }

  @Test
  void pickledPayloads() throws IOException {
    assertRefused(
        with(
            "m/data/weights/model_weights_config.json",
            text("m/data/weights/model_weights_config.json")
                .replaceFirst("\"use_pickle\":false", "\"use_pickle\":true")),
        "data/weights/model_weights_config.json.config.lin.weight: 'lin.weight' is pickled"
            + " (use_pickle); symshapes never unpickles");
  }

  @Test
  void notAPt2Archive() throws IOException {
    assertRefused(
        with("m/archive_format", "zip"),
        file + ": not a PT2 archive: archive_format is 'zip', not 'pt2'");
    Map<String, byte[]> noFormat = new LinkedHashMap<>(good);
    noFormat.remove("m/archive_format");
    assertRefused(noFormat, file + ": not a PT2 archive: it has no archive_format record");
    assertRefused(
        with("m/archive_version", "1"),
        file + ": archive version '1' is not supported (symshapes reads version 0)");
    Files.writeString(file, "not a zip");
    assertThatThrownBy(() -> Pt2Archive.load(file))
        .isInstanceOf(SerdeException.class)
        .hasMessageStartingWith(file + ": not a zip archive (");
  }

  @Test
  void unknownMajorVersion() throws IOException {
    assertRefused(
        with(
            "m/models/model.json",
            text("m/models/model.json").replace("\"major\":8", "\"major\":9")),
        "schema version 9.17 is not supported: symshapes reads PyTorch's export schema 8.x (the"
            + " file was written by symshapes 0.1.0)");
  }

  @Test
  void missingWeights() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(good);
    m.remove("m/data/weights/model_weights_config.json");
    assertRefused(
        m,
        "the values of [lin.weight, lin.bias] are not in the file; load the .pt2 archive that holds them");
  }

  @Test
  void payloadWithTheWrongShape() throws IOException {
    String config = text("m/data/weights/model_weights_config.json");
    assertRefused(
        with(
            "m/data/weights/model_weights_config.json",
            config
                .replace(
                    "\"sizes\":[{\"as_int\":10},{\"as_int\":100}]",
                    "\"sizes\":[{\"as_int\":100},{\"as_int\":10}]")
                .replace(
                    "\"strides\":[{\"as_int\":100},{\"as_int\":1}]",
                    "\"strides\":[{\"as_int\":10},{\"as_int\":1}]")),
        "'lin.weight' is f32[100, 10] but the program's input 'p_lin_weight' is f32[10, 100]");
  }
}
