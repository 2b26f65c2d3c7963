package dev.symshapes.export.serde.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.LoadLimits;
import dev.symshapes.export.serde.LoadOptions;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.tensor.TensorData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a {@code .pt2} archive ({@code load_pt2} of {@code torch/export/pt2_archive/_package.py})
 * defensively. Before anything large is allocated it checks: the number of entries; every entry
 * name (inside the root folder, taken from the first entry as {@code is_pt2_package} does; no
 * {@code ..}, {@code .} or empty segments, no absolute or backslashed names); duplicate names;
 * {@code archive_format} = {@code pt2} and {@code archive_version} = {@code 0}; the declared size
 * of each record against what it must hold (a payload exactly the bytes its {@code tensor_meta}
 * needs, JSON within {@link LoadLimits#maxJsonBytes()}), and the total tensor bytes. A record that
 * holds more or fewer bytes than declared is an error. Pickled records are refused, and {@code
 * data/sample_inputs} (a pickle) is never read.
 */
public final class Pt2Reader {
  private static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private final ZipFile zip;
  private final String where;
  private final LoadLimits limits;
  private final Map<String, ZipEntry> records = new HashMap<>();
  private long tensorBytes;

  private Pt2Reader(ZipFile zip, String where, LoadLimits limits) {
    this.zip = zip;
    this.where = where;
    this.limits = limits;
  }

  /** Loads the program of the archive at {@code path}. */
  public static ExportedProgram load(Path path, LoadOptions options) {
    ZipFile zf;
    try {
      zf = new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw new SerdeException(path + ": not a zip archive (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new SerdeException("cannot read " + path + ": " + e.getMessage(), e);
    }
    try (ZipFile z = zf) {
      return new Pt2Reader(z, path.toString(), options.limits()).read(options);
    } catch (IOException e) {
      throw new SerdeException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private ExportedProgram read(LoadOptions options) throws IOException {
    index();
    String format = text(Pt2Layout.ARCHIVE_FORMAT, 64);
    if (format == null) {
      throw new SerdeException(
          where + ": not a PT2 archive: it has no " + Pt2Layout.ARCHIVE_FORMAT + " record");
    }
    if (!format.equals(Pt2Layout.ARCHIVE_FORMAT_VALUE)) {
      throw new SerdeException(
          where
              + ": not a PT2 archive: "
              + Pt2Layout.ARCHIVE_FORMAT
              + " is '"
              + format
              + "', not 'pt2'");
    }
    String version = text(Pt2Layout.ARCHIVE_VERSION, 64);
    if (version != null && !version.equals(Pt2Layout.ARCHIVE_VERSION_VALUE)) {
      throw new SerdeException(
          where
              + ": archive version '"
              + version
              + "' is not supported (symshapes reads version 0)");
    }
    String model = modelName();
    byte[] json = bytes(Pt2Layout.model(model), -1, limits.maxJsonBytes());
    Map<String, TensorData> state = payloads(Pt2Layout.WEIGHTS_DIR, Pt2Layout.weightsConfig(model));
    Map<String, TensorData> constants =
        payloads(Pt2Layout.CONSTANTS_DIR, Pt2Layout.constantsConfig(model));
    JsonNode root = Json.parse(json, Pt2Layout.model(model), limits.maxJsonDepth());
    return ProgramDecoder.decode(root, state, constants, options);
  }

  /** Checks every entry name and builds the table of records by name relative to the root. */
  private void index() {
    if (zip.size() > limits.maxArchiveEntries()) {
      throw new SerdeException(
          where
              + ": the archive has "
              + zip.size()
              + " entries, more than "
              + limits.maxArchiveEntries());
    }
    String root = null;
    Enumeration<? extends ZipEntry> en = zip.entries();
    while (en.hasMoreElements()) {
      ZipEntry e = en.nextElement();
      String name = e.getName();
      checkName(name);
      int slash = name.indexOf('/');
      if (slash <= 0) {
        throw new SerdeException(where + ": entry '" + name + "' is not inside a root folder");
      }
      String first = name.substring(0, slash);
      if (root == null) {
        root = first;
      } else if (!root.equals(first)) {
        throw new SerdeException(
            where + ": entry '" + name + "' is outside the archive's root folder '" + root + "'");
      }
      if (e.isDirectory()) {
        continue;
      }
      if (records.put(name.substring(slash + 1), e) != null) {
        throw new SerdeException(where + ": duplicate entry '" + name + "'");
      }
    }
    if (root == null) {
      throw new SerdeException(where + ": the archive is empty");
    }
  }

  private void checkName(String name) {
    String shown = name.length() > 200 ? name.substring(0, 200) + "..." : name;
    if (name.isEmpty()
        || name.startsWith("/")
        || name.indexOf('\\') >= 0
        || name.indexOf('\0') >= 0
        || (name.length() > 1 && name.charAt(1) == ':')) {
      throw new SerdeException(where + ": entry name '" + shown + "' is not a relative path");
    }
    String[] segments = name.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean trailing = i == segments.length - 1 && s.isEmpty() && i > 0;
      if (s.equals("..") || s.equals(".") || (s.isEmpty() && !trailing)) {
        throw new SerdeException(where + ": entry name '" + shown + "' escapes the archive root");
      }
    }
  }

  private String modelName() {
    List<String> models = new ArrayList<>();
    for (String r : new TreeMap<>(records).keySet()) {
      if (r.startsWith(Pt2Layout.MODELS_DIR)
          && r.endsWith(".json")
          && r.indexOf('/', Pt2Layout.MODELS_DIR.length()) < 0) {
        models.add(r.substring(Pt2Layout.MODELS_DIR.length(), r.length() - ".json".length()));
      }
    }
    if (models.contains(Pt2Layout.DEFAULT_MODEL)) {
      return Pt2Layout.DEFAULT_MODEL;
    }
    if (models.size() == 1) {
      return models.get(0);
    }
    throw new SerdeException(
        where
            + ": "
            + (models.isEmpty()
                ? "the archive holds no program (no models/*.json record)"
                : "the archive holds "
                    + models.size()
                    + " programs "
                    + models
                    + " and none is named 'model'"));
  }

  private String text(String record, int max) throws IOException {
    if (!records.containsKey(record)) {
      return null;
    }
    return new String(bytes(record, -1, max), UTF_8).trim();
  }

  /**
   * The bytes of a record: exactly {@code expected} when it is not negative, at most {@code max}.
   */
  private byte[] bytes(String record, long expected, long max) throws IOException {
    ZipEntry e = records.get(record);
    if (e == null) {
      throw new SerdeException(where + ": the archive has no record '" + record + "'");
    }
    long declared = e.getSize();
    if (declared < 0) {
      throw new SerdeException(where + ": record '" + record + "' does not declare its size");
    }
    if (expected >= 0 && declared != expected && declared != 0) {
      throw new SerdeException(
          where
              + ": record '"
              + record
              + "' declares "
              + declared
              + " bytes but its tensor metadata needs "
              + expected);
    }
    if (declared > max) {
      throw new SerdeException(
          where
              + ": record '"
              + record
              + "' declares "
              + declared
              + " bytes, more than the limit of "
              + max);
    }
    byte[] data = new byte[(int) declared];
    try (InputStream in = zip.getInputStream(e)) {
      int off = 0;
      while (off < data.length) {
        int n = in.read(data, off, data.length - off);
        if (n < 0) {
          throw new SerdeException(
              where
                  + ": record '"
                  + record
                  + "' holds "
                  + off
                  + " bytes, fewer than the "
                  + declared
                  + " it declares");
        }
        off += n;
      }
      if (in.read() >= 0) {
        throw new SerdeException(
            where
                + ": record '"
                + record
                + "' holds more bytes than the "
                + declared
                + " it declares");
      }
    } catch (ZipException ex) {
      throw new SerdeException(
          where + ": record '" + record + "' is corrupt: " + ex.getMessage(), ex);
    }
    return data;
  }

  /** The tensors of a payload config ({@code _load_state_dict} / {@code _load_constants}). */
  private Map<String, TensorData> payloads(String dir, String configRecord) throws IOException {
    Map<String, TensorData> out = new LinkedHashMap<>();
    if (!records.containsKey(configRecord)) {
      return out;
    }
    JsonNode config =
        Json.parse(
            bytes(configRecord, -1, limits.maxJsonBytes()), configRecord, limits.maxJsonDepth());
    Map<String, Payloads.Layout> layouts = new LinkedHashMap<>();
    Map<String, String> paths = new LinkedHashMap<>();
    Map<String, Long> needed = new HashMap<>();
    for (Map.Entry<String, JsonNode> e :
        Json.entries(Json.field(config, "config", configRecord), configRecord + ".config")) {
      String p = configRecord + ".config." + e.getKey();
      JsonNode meta = e.getValue();
      String pathName = Json.str(Json.field(meta, "path_name", p), p + ".path_name");
      if (!PATH_NAME.matcher(pathName).matches()) {
        throw new SerdeException(
            p + ".path_name: '" + pathName + "' is not a record name in " + dir);
      }
      JsonNode pickle = Json.optional(meta, "use_pickle", p);
      if (pickle != null && Json.bool(pickle, p + ".use_pickle")) {
        throw new SerdeException(
            p + ": '" + e.getKey() + "' is pickled (use_pickle); symshapes never unpickles");
      }
      JsonNode tm = Json.optional(meta, "tensor_meta", p);
      if (tm == null) {
        throw new SerdeException(p + ": '" + e.getKey() + "' has no tensor_meta");
      }
      Payloads.Layout layout = Payloads.layout(tm, p + ".tensor_meta", Integer.MAX_VALUE - 8);
      layouts.put(e.getKey(), layout);
      paths.put(e.getKey(), pathName);
      needed.merge(pathName, layout.storageBytes(), Math::max);
    }
    long total = 0;
    for (long n : needed.values()) {
      total += n;
    }
    tensorBytes += total;
    if (tensorBytes > limits.maxTensorBytes()) {
      throw new SerdeException(
          where
              + ": the tensors need "
              + tensorBytes
              + " bytes, more than the limit of "
              + limits.maxTensorBytes());
    }
    Map<String, byte[]> storages = new HashMap<>();
    for (Map.Entry<String, Long> e : needed.entrySet()) {
      storages.put(e.getKey(), bytes(dir + e.getKey(), e.getValue(), e.getValue()));
    }
    for (Map.Entry<String, Payloads.Layout> e : layouts.entrySet()) {
      out.put(e.getKey(), Payloads.tensor(e.getValue(), storages.get(paths.get(e.getKey()))));
    }
    return out;
  }
}
