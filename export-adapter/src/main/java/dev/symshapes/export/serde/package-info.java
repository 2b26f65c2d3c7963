/**
 * Saving and loading exported programs in PyTorch's format: the JSON of {@code
 * torch/_export/serde/schema.py} (schema version 8.x; {@link
 * dev.symshapes.export.serde.ProgramJson}) inside the {@code .pt2} zip layout of {@code
 * torch.export.save} ({@link dev.symshapes.export.serde.Pt2Archive}), and what the solver proves
 * about a loaded program ({@link dev.symshapes.export.serde.ConstraintReport}).
 *
 * <h2>The format, and where each fact comes from</h2>
 *
 * Every fact below was read in PyTorch's sources (pytorch/pytorch) before it was written down; none
 * is guessed. Where PyTorch's versions differ, the newest form is written and the others are read.
 *
 * <ul>
 *   <li><b>Types and field numbers</b> ({@code schema.py}, {@code SCHEMA_VERSION = (8, 17)}, {@code
 *       TREESPEC_VERSION = 1}): the dataclasses and unions, their field order, and the enums {@code
 *       ScalarType} (FLOAT 7, DOUBLE 8, LONG 5, BOOL 12, ...), {@code Layout} (Strided 7), {@code
 *       MemoryFormat}, {@code ArgumentKind} (POSITIONAL 1, KEYWORD 2). The test {@code
 *       SchemaFieldsTest} holds the whole table.
 *   <li><b>Encoding</b> ({@code _dataclass_to_dict}, {@code EnumEncoder}, {@code _to_json_bytes}
 *       and {@code _dict_to_dataclass} in {@code serialize.py}): a dataclass is an object of all
 *       its fields, a {@code None} written as {@code null} (fields are not omitted; the reader
 *       accepts a missing field that has a default); a union is an object with exactly one key; an
 *       enum is its integer value; a float {@code inf}/{@code -inf} is the string {@code
 *       "Infinity"}/{@code "-Infinity"} ({@code json.dumps(..., allow_nan=False)}). The writer's
 *       NaN test there is {@code obj == math.nan}, which is never true, so PyTorch cannot write a
 *       NaN float at all; this writer writes {@code "NaN"}, which PyTorch's reader ({@code
 *       float(data)}) reads.
 *   <li><b>Versions</b> ({@code ExportedProgramDeserializer.deserialize}): a major version other
 *       than PyTorch's own is refused unless it is {@code 0.0}; minor versions are not checked.
 *   <li><b>Symbolic values</b> ({@code serialize_sym_int}, {@code _print_sympy}): a constant is
 *       {@code {"as_int": n}}; a symbolic size is {@code {"as_expr": {"expr_str": ..., "hint":
 *       {"as_int": n}}}} with {@code expr_str = sympy.srepr(expr)} ({@code Symbol('s0',
 *       integer=True, positive=True)}) and the hint when the value has one; a {@code SymBool} has
 *       no hint. Older releases wrote {@code str(expr)}; PyTorch reads both with {@code
 *       sympy.sympify}, and so does this reader. Tensor metadata: {@code serialize_tensor_meta}
 *       ({@code storage_offset} as a {@code SymInt}, device {@code cpu}, layout Strided).
 *   <li><b>Range constraints</b> ({@code serialize_range_constraints}, {@code _sympy_int_to_int}):
 *       {@code str(symbol)} to {@code {"min_val", "max_val"}}, an infinite bound as {@code null}.
 *   <li><b>Nodes</b> ({@code GraphModuleSerializer.handle_call_function}, {@code
 *       serialize_operator}, {@code serialize_inputs}, {@code serialize_sym_op_inputs}, {@code
 *       serialize_hoo_inputs}, {@code serialize_outputs}, {@code serialize_hoo_outputs}): an op's
 *       target is {@code torch.ops.<ns>.<op>.<overload>} ({@code torch.ops.aten.sym_size.int}), its
 *       inputs named after the schema's arguments with their kind, arguments left at their defaults
 *       not written; a symbolic operator's target is {@code <module>.<name>} of the Python
 *       function, {@code _operator.ge}, {@code torch.sym_max}, {@code torch.sym_not}, with inputs
 *       named {@code a}, {@code b} ({@code inspect.signature}; the same names are read by {@code
 *       SymBoolOpKernel} in {@code torch/nativert/kernels/KernelFactory.cpp}); a higher-order op
 *       ({@code torch.ops.higher_order.cond}) has unnamed positional inputs, a sub-graph argument
 *       being {@code as_graph} {@code {"name": "true_graph_0", "graph": ...}}, and {@code
 *       is_hop_single_tensor_return}; {@code getitem} and {@code get_attr} nodes are not written,
 *       the producer's outputs naming the {@code getitem} users ({@code <node>_unused_<i>} for
 *       unused ones); {@code _assert_scalar} and {@code sym_constrain_range_for_size} have no
 *       outputs. Node metadata ({@code stack_trace}, ...) are strings.
 *   <li><b>Reading nodes</b> ({@code GraphModuleDeserializer.deserialize_graph}, {@code
 *       deserialize_node}, {@code deserialize_input}, {@code generate_getitem}): placeholders are
 *       named after their values (a constant input after its {@code constant_input} spec); a
 *       single-tensor output names the node; a multi-output node gets a {@code getitem} per output;
 *       an {@code as_graph} argument becomes a sub-module and a {@code get_attr} node; a
 *       higher-order op without {@code is_hop_single_tensor_return} returns its single tensor
 *       directly (the rule for older files).
 *   <li><b>Signature</b> ({@code serialize_input_spec}, {@code serialize_output_spec}): unions
 *       keyed {@code user_input}, {@code parameter} ({@code parameter_name}), {@code buffer}
 *       ({@code buffer_name}, {@code persistent}), {@code tensor_constant} ({@code
 *       tensor_constant_name}), {@code constant_input} ({@code name}, {@code value}), {@code
 *       token}; {@code user_output}, {@code buffer_mutation}, {@code user_input_mutation} ({@code
 *       user_input_name}), {@code parameter_mutation}, {@code loss_output}, {@code gradient_to_*},
 *       {@code token}.
 *   <li><b>Module call graph</b> ({@code serialize_module_call_signature}, {@code
 *       serialize_treespec}): {@code in_spec}/{@code out_spec} are {@code
 *       torch.utils._pytree.treespec_dumps} strings, {@code [1, {"type": "builtins.tuple",
 *       "context": "null", "children_spec": [...]}]} with Python's separators (as in {@code
 *       test/test_pytree.py} and AOTInductor's generated {@code in_spec_}); the empty keyword
 *       arguments are {@code {"type": "builtins.dict", "context": "[]", ...}}. {@code None} is
 *       written {@code builtins.NoneType}, the default serialized name of a registered type (module
 *       and qualified name).
 *   <li><b>Other fields</b>: {@code opset_version} {@code {"aten": 10}} ({@code
 *       kProducedFileFormatVersion} in {@code caffe2/serialize/versions.h}; that {@code
 *       torch._C._get_max_operator_version()}, which PyTorch writes there, returns it is recalled,
 *       not confirmed); {@code torch_version} names symshapes; {@code verifiers} is empty (the
 *       default); {@code guards_code}, the Python guards over {@code L['x'].size()[0]} (read back
 *       by substituting each source with the matching placeholder's expression).
 *   <li><b>Archive</b> ({@code torch/csrc/export/pt2_archive_constants.h}, {@code
 *       torch/export/pt2_archive/_package.py}): one root folder (readers take it from the first
 *       entry, {@code is_pt2_package}); {@code archive_format} = {@code pt2}, {@code
 *       archive_version} = {@code 0} ({@code load_pt2} refuses other versions); {@code
 *       models/model.json}; {@code data/weights/model_weights_config.json} and {@code
 *       data/constants/model_constants_config.json} ({@code PayloadConfig}: FQN to {@code
 *       PayloadMeta {path_name, is_param, use_pickle, tensor_meta}}); payloads {@code weight_<i>},
 *       {@code tensor_<i>} holding raw little-endian storage bytes, the tensor being {@code
 *       as_strided(sizes, strides, storage_offset)} over it, an empty payload meaning zeros ({@code
 *       _build_file_map}); {@code data/sample_inputs/model.pt} (written empty: PyTorch writes an
 *       empty record for a program without example inputs, and its loader reads the record). The
 *       container's {@code byteorder} and {@code .data/version} (= 6, {@code
 *       PT2ArchiveWriter.set_min_version(6)}) are the records {@code PyTorchStreamReader} reads
 *       ({@code caffe2/serialize/inline_container.cc}).
 * </ul>
 *
 * <h2>What symshapes adds</h2>
 *
 * <ul>
 *   <li><b>Safety</b>: loading checks entry names, duplicates, record sizes against the tensor
 *       metadata, JSON nesting and size, and unknown targets before allocating ({@link
 *       dev.symshapes.export.serde.LoadLimits}); pickled payloads and sample inputs are never
 *       unpickled, and targets are looked up in the op registry, never by reflection.
 *   <li><b>A shape environment</b>: a loaded program's {@code ShapeEnv} is re-created from its
 *       range constraints, hints and runtime asserts, so that its symbols can be reasoned about.
 *   <li><b>Limits of the model</b>: dtypes float32, float64, int64 and bool; symbols {@code s<n>}
 *       and {@code u<n>}; no custom objects, symbolic floats, devices or memory formats as
 *       arguments; tensor aliasing between payloads is not kept (each tensor is copied).
 * </ul>
 */
package dev.symshapes.export.serde;
