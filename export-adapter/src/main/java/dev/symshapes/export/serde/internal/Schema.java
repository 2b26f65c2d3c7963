package dev.symshapes.export.serde.internal;

import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.tensor.DType;

/**
 * Constants of PyTorch's serialization schema, {@code torch/_export/serde/schema.py} at {@code
 * SCHEMA_VERSION = (8, 17)}: the enums are written as their integer values ({@code EnumEncoder} of
 * {@code serialize.py}).
 */
public final class Schema {
  /** The major schema version this code reads and writes. */
  public static final int MAJOR = 8;

  /** The minor schema version written; any minor version of {@link #MAJOR} is read. */
  public static final int MINOR = 17;

  /** {@code Layout.Strided}. */
  static final int LAYOUT_STRIDED = 7;

  /** {@code ArgumentKind.POSITIONAL}. */
  static final int KIND_POSITIONAL = 1;

  /** {@code ArgumentKind.KEYWORD}. */
  static final int KIND_KEYWORD = 2;

  private Schema() {}

  /**
   * {@code ScalarType} of a dtype: {@code FLOAT} 7, {@code DOUBLE} 8, {@code LONG} 5, {@code BOOL}
   * 12.
   */
  static int scalarType(DType d) {
    switch (d) {
      case FLOAT32:
        return 7;
      case FLOAT64:
        return 8;
      case INT64:
        return 5;
      case BOOL:
        return 12;
      default:
        throw new SerdeException("dtype " + d + " has no ScalarType");
    }
  }

  /** The dtype of a {@code ScalarType} value. */
  static DType dtype(long scalarType, String path) {
    switch ((int) Math.max(-1, Math.min(scalarType, 1000))) {
      case 7:
        return DType.FLOAT32;
      case 8:
        return DType.FLOAT64;
      case 5:
        return DType.INT64;
      case 12:
        return DType.BOOL;
      default:
        throw new SerdeException(
            path
                + ": ScalarType "
                + scalarType
                + " ("
                + scalarTypeName(scalarType)
                + ") is not supported; symshapes has FLOAT (7), DOUBLE (8), LONG (5) and BOOL (12)");
    }
  }

  private static String scalarTypeName(long v) {
    String[] names = {
      "UNKNOWN",
      "BYTE",
      "CHAR",
      "SHORT",
      "INT",
      "LONG",
      "HALF",
      "FLOAT",
      "DOUBLE",
      "COMPLEXHALF",
      "COMPLEXFLOAT",
      "COMPLEXDOUBLE",
      "BOOL",
      "BFLOAT16"
    };
    if (v >= 0 && v < names.length) {
      return names[(int) v];
    }
    if (v >= 28 && v <= 32) {
      return new String[] {
            "UINT16", "FLOAT8E4M3FN", "FLOAT8E5M2", "FLOAT8E4M3FNUZ", "FLOAT8E5M2FNUZ"
          }
          [(int) v - 28];
    }
    return "unknown";
  }

  /** Bytes per element in the raw payloads of the archive. */
  static int elementSize(DType d) {
    switch (d) {
      case FLOAT32:
        return 4;
      case FLOAT64:
      case INT64:
        return 8;
      case BOOL:
        return 1;
      default:
        throw new SerdeException("dtype " + d + " has no element size");
    }
  }
}
