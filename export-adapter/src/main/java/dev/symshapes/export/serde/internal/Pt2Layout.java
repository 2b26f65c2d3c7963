package dev.symshapes.export.serde.internal;

/**
 * Record names of a {@code .pt2} archive, relative to its root folder ({@code
 * torch/csrc/export/pt2_archive_constants.h}; the container's own records {@code byteorder} and
 * {@code .data/version} are those that {@code PyTorchStreamReader} of {@code
 * caffe2/serialize/inline_container.cc} reads, the version being the {@code set_min_version(6)} of
 * {@code PT2ArchiveWriter}).
 */
final class Pt2Layout {
  static final String ARCHIVE_FORMAT = "archive_format";
  static final String ARCHIVE_FORMAT_VALUE = "pt2";
  static final String ARCHIVE_VERSION = "archive_version";
  static final String ARCHIVE_VERSION_VALUE = "0";
  static final String BYTEORDER = "byteorder";
  static final String DATA_VERSION = ".data/version";
  static final String DATA_VERSION_VALUE = "6";
  static final String MODELS_DIR = "models/";
  static final String WEIGHTS_DIR = "data/weights/";
  static final String CONSTANTS_DIR = "data/constants/";
  static final String WEIGHT_PREFIX = "weight_";
  static final String TENSOR_CONSTANT_PREFIX = "tensor_";
  static final String DEFAULT_MODEL = "model";

  private Pt2Layout() {}

  static String model(String name) {
    return MODELS_DIR + name + ".json";
  }

  static String weightsConfig(String name) {
    return WEIGHTS_DIR + name + "_weights_config.json";
  }

  static String constantsConfig(String name) {
    return CONSTANTS_DIR + name + "_constants_config.json";
  }

  static String sampleInputs(String name) {
    return "data/sample_inputs/" + name + ".pt";
  }
}
