package org.tianfu.warehouse.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A JSON Lines landing source: its fields in contract order (validation reports the first problem
 * in this order), the field whose value identifies a record for de-duplication, the business time
 * that places a record in a month, and the silver table its conformed events go to.
 */
public record SourceSpec(String name, String idField, String periodField, String silverTable,
    List<FieldSpec> fields) implements Serializable {

  /** The five JSON Lines sources, in the order the contract lists them. */
  public static final List<String> NAMES = List.of(
      "registrations", "postings", "orders", "science_base_activity", "popsci_deliveries");

  /** Columns the pipeline adds beside a source's fields; names starting with _ are its scratch columns. */
  static final Set<String> RESERVED = Set.of("dt", "file", "line_number", "run_id", "extra", "period");

  public static List<SourceSpec> loadAll() {
    List<SourceSpec> specs = new ArrayList<>();
    for (String name : NAMES) {
      specs.add(load(name));
    }
    return specs;
  }

  public static SourceSpec load(String name) {
    String resource = "/schemas/landing/" + name + ".json";
    try (InputStream in = SourceSpec.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("landing schema missing from the jar: " + resource);
      }
      return parse(new ObjectMapper().readTree(in), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  public FieldSpec field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  static SourceSpec parse(JsonNode root, String where) {
    String source = text(root, "source", where);
    String idField = text(root, "id_field", where);
    String periodField = text(root, "period_field", where);
    String silverTable = text(root, "silver_table", where);
    List<FieldSpec> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode f : root.path("fields")) {
      String name = text(f, "name", where);
      if (name.startsWith("_") || RESERVED.contains(name)) {
        throw new IllegalStateException(where + ": field name " + name + " is reserved for the pipeline");
      }
      if (!seen.add(name)) {
        throw new IllegalStateException(where + ": field " + name + " declared twice");
      }
      FieldType type;
      try {
        type = FieldType.valueOf(text(f, "type", where).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(where + ": field " + name + " has unknown type " + f.get("type"));
      }
      List<String> allowed = new ArrayList<>();
      f.path("enum").forEach(v -> allowed.add(v.asText()));
      BigDecimal min = f.has("min") ? f.get("min").decimalValue() : null;
      Object dflt = f.has("default") ? f.get("default").asBoolean() : null;
      fields.add(new FieldSpec(name, type, f.path("required").asBoolean(false), List.copyOf(allowed),
          min, f.path("pii").asBoolean(false), f.path("free_text").asBoolean(false), dflt));
    }
    if (fields.isEmpty()) {
      throw new IllegalStateException(where + ": no fields");
    }
    for (String key : List.of(idField, periodField)) {
      if (!seen.contains(key)) {
        throw new IllegalStateException(where + ": " + key + " is not a field");
      }
    }
    return new SourceSpec(source, idField, periodField, silverTable, List.copyOf(fields));
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalStateException(where + ": '" + key + "' must be a non-empty string");
    }
    return v.asText();
  }
}
