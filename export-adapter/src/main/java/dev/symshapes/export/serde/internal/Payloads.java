package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensor payloads of a {@code .pt2} archive and their {@code PayloadMeta} ({@code schema.py};
 * {@code _package_state_dict}, {@code _build_file_map} and {@code _load_state_dict} of {@code
 * torch/export/pt2_archive/_package.py}): a payload holds the raw little-endian bytes of a storage,
 * without a header; a tensor is the view {@code as_strided(sizes, strides, storage_offset)} of its
 * {@code tensor_meta} over it; an empty payload stands for a tensor of zeros. Pickled payloads
 * ({@code use_pickle}) are refused: nothing is ever unpickled.
 */
public final class Payloads {
  private Payloads() {}

  /** The raw bytes of {@code t}'s elements in row-major order. */
  public static byte[] bytes(TensorData t) {
    long n = t.numel();
    int size = Schema.elementSize(t.dtype());
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * size)).order(ByteOrder.LITTLE_ENDIAN);
    switch (t.dtype()) {
      case FLOAT32:
        for (double d : t.toDoubleArray()) {
          b.putFloat((float) d);
        }
        break;
      case FLOAT64:
        for (double d : t.toDoubleArray()) {
          b.putDouble(d);
        }
        break;
      case INT64:
        for (long l : t.toLongArray()) {
          b.putLong(l);
        }
        break;
      case BOOL:
        for (boolean x : t.toBooleanArray()) {
          b.put((byte) (x ? 1 : 0));
        }
        break;
      default:
        throw new SerdeException("dtype " + t.dtype() + " has no payload form");
    }
    return b.array();
  }

  /** A {@code PayloadMeta} for a contiguous payload of {@code t}. */
  public static ObjectNode meta(String pathName, boolean isParam, TensorData t) {
    ObjectNode m = Json.object();
    m.put("path_name", pathName);
    m.put("is_param", isParam);
    m.put("use_pickle", false);
    List<SymInt> sizes = new ArrayList<>();
    for (long s : t.shape()) {
      sizes.add(SymInt.of(s));
    }
    ObjectNode tm =
        (ObjectNode) new ValueCodec(null).tensorMeta(TensorMeta.contiguous(t.dtype(), sizes));
    tm.put("requires_grad", isParam);
    m.set("tensor_meta", tm);
    return m;
  }

  /** What a payload entry must hold for one tensor of the config. */
  public record Layout(
      DType dtype, long[] sizes, long[] strides, long offset, long storageElements) {
    /** The bytes the storage needs. */
    public long storageBytes() {
      return storageElements * Schema.elementSize(dtype);
    }
  }

  /** Reads and checks a {@code tensor_meta} with constant sizes and strides. */
  public static Layout layout(JsonNode tensorMeta, String path, int maxElements) {
    DType dtype =
        Schema.dtype(
            Json.integer(Json.field(tensorMeta, "dtype", path), path + ".dtype"), path + ".dtype");
    long[] sizes = ints(Json.field(tensorMeta, "sizes", path), path + ".sizes");
    long[] strides = ints(Json.field(tensorMeta, "strides", path), path + ".strides");
    JsonNode off = Json.optional(tensorMeta, "storage_offset", path);
    long offset = off == null ? 0 : asInt(off, path + ".storage_offset");
    if (sizes.length != strides.length) {
      throw new SerdeException(
          path + ": " + sizes.length + " sizes but " + strides.length + " strides");
    }
    long numel = 1;
    long last = offset;
    try {
      for (int d = 0; d < sizes.length; d++) {
        if (sizes[d] < 0 || strides[d] < 0) {
          throw new SerdeException(path + ": negative size or stride in dimension " + d);
        }
        numel = Math.multiplyExact(numel, sizes[d]);
        if (sizes[d] > 0) {
          last = Math.addExact(last, Math.multiplyExact(sizes[d] - 1, strides[d]));
        }
      }
    } catch (ArithmeticException e) {
      throw new SerdeException(path + ": the tensor's size overflows 64 bits", e);
    }
    if (offset < 0) {
      throw new SerdeException(path + ": negative storage offset " + offset);
    }
    long storage = numel == 0 ? 0 : last + 1;
    if (numel > maxElements || storage > maxElements) {
      throw new SerdeException(
          path
              + ": a tensor of "
              + numel
              + " elements over a storage of "
              + storage
              + " elements is larger than symshapes' tensors ("
              + maxElements
              + " elements)");
    }
    return new Layout(dtype, sizes, strides, offset, storage);
  }

  private static long[] ints(JsonNode list, String path) {
    List<JsonNode> l = Json.list(list, path);
    long[] out = new long[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = asInt(l.get(i), path + "[" + i + "]");
    }
    return out;
  }

  private static long asInt(JsonNode symInt, String path) {
    java.util.Map.Entry<String, JsonNode> u = Json.union(symInt, path);
    if (!u.getKey().equals("as_int")) {
      throw new SerdeException(path + ": a stored tensor's sizes must be integers (as_int)");
    }
    return Json.integer(u.getValue(), path + ".as_int");
  }

  /**
   * The tensor of {@code layout} over {@code storage} (raw bytes, or empty for zeros), copied into
   * a contiguous tensor.
   */
  public static TensorData tensor(Layout layout, byte[] storage) {
    int numel = 1;
    for (long s : layout.sizes()) {
      numel *= (int) s;
    }
    if (storage.length == 0) {
      return TensorData.zeros(layout.sizes(), layout.dtype());
    }
    ByteBuffer b = ByteBuffer.wrap(storage).order(ByteOrder.LITTLE_ENDIAN);
    int size = Schema.elementSize(layout.dtype());
    long[] idx = new long[layout.sizes().length];
    double[] doubles = layout.dtype() == DType.INT64 ? null : new double[numel];
    long[] longs = layout.dtype() == DType.INT64 ? new long[numel] : null;
    for (int k = 0; k < numel; k++) {
      long at = layout.offset();
      for (int d = 0; d < idx.length; d++) {
        at += idx[d] * layout.strides()[d];
      }
      int pos = (int) (at * size);
      switch (layout.dtype()) {
        case FLOAT32:
          doubles[k] = b.getFloat(pos);
          break;
        case FLOAT64:
          doubles[k] = b.getDouble(pos);
          break;
        case INT64:
          longs[k] = b.getLong(pos);
          break;
        case BOOL:
          doubles[k] = b.get(pos) != 0 ? 1 : 0;
          break;
        default:
          throw new SerdeException("dtype " + layout.dtype() + " has no payload form");
      }
      for (int d = idx.length - 1; d >= 0; d--) {
        if (++idx[d] < layout.sizes()[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    return longs != null
        ? TensorData.fromLongs(layout.sizes(), longs)
        : TensorData.fromValues(layout.sizes(), layout.dtype(), doubles);
  }
}
