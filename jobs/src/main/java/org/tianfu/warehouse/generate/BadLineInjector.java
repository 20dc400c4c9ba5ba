package org.tianfu.warehouse.generate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.tianfu.warehouse.contract.FieldSpec;
import org.tianfu.warehouse.contract.FieldType;
import org.tianfu.warehouse.contract.LandingTimestamps;
import org.tianfu.warehouse.contract.SourceSpec;

/**
 * Turns a valid record into a line that breaks the contract in exactly one way, so each bad line
 * has one expected quarantine reason. Which kinds apply is read from the source's field spec
 * (e.g. only sources with a bounded number get negative numbers).
 */
final class BadLineInjector {

  /** The ways a line goes bad; the comment names the contract's reason code for it. */
  enum Kind {
    BAD_ENCODING,     // bad_encoding: GBK or Latin-1 bytes inside an otherwise fine line
    TRUNCATED_JSON,   // malformed_json: the line was cut short
    TRAILING_GARBAGE, // malformed_json: something after the closing brace
    NOT_AN_OBJECT,    // malformed_json: valid JSON, but an array, string, number or null
    MISSING_FIELD,    // missing_field:<f>: a required field absent, null or ""
    WRONG_TYPE,       // bad_value:<f>: e.g. county_code as a number, participants as a string
    UNKNOWN_ENUM,     // bad_value:<f>
    NEGATIVE_NUMBER,  // bad_value:<f>
    BAD_TIMESTAMP,    // bad_timestamp:<f>
    UNKNOWN_COUNTY    // unknown_county:<f>
  }

  private static final Charset GBK = Charset.forName("GBK");
  private static final Set<String> FREE_TEXT_FIELDS = Set.of("display_name", "title", "base_name");
  private static final String EXTRA_TEXT_FIELD = "remark";
  private static final String MARKER = "\u0000foreign-bytes\u0000";
  private static final String[] CHINESE_REMARKS = {"精准科普推送", "科技服务站", "张伟", "乡村振兴"};
  private static final String[] TRAILING = {"}", ",", " xyz", "{\"retry\":1}"};
  private static final String[] NOT_OBJECTS = {"[1,2]", "\"x\"", "42", "null"};
  private static final String[] FOREIGN_COUNTIES = {"510199", "110101", "510100", "513399", "500101"};
  private static final String[] WRONG_BOOLEANS = {"\"yes\"", "\"true\"", "1", "\"否\""};

  /** Only two small sources have bounded numbers, so their negative numbers are drawn more often. */
  private static final double NEGATIVE_NUMBER_WEIGHT = 4;

  private final WeightedChoice<Kind> kinds;
  private final List<FieldSpec> fields;
  private final List<FieldSpec> required;
  private final List<FieldSpec> enums;
  private final List<FieldSpec> bounded;
  private final List<FieldSpec> times;
  private final List<FieldSpec> counties;
  private final String freeTextField;

  BadLineInjector(SourceSpec spec) {
    fields = spec.fields();
    required = select(FieldSpec::required);
    enums = select(f -> !f.allowed().isEmpty());
    bounded = select(f -> f.min() != null);
    times = select(f -> f.type() == FieldType.TIMESTAMP || f.type() == FieldType.DATE);
    counties = select(f -> f.type() == FieldType.COUNTY);
    freeTextField = fields.stream().map(FieldSpec::name).filter(FREE_TEXT_FIELDS::contains)
        .findFirst().orElse(EXTRA_TEXT_FIELD);
    List<Kind> possible = Arrays.stream(Kind.values())
        .filter(kind -> fieldsFor(kind) == null || !fieldsFor(kind).isEmpty()).toList();
    kinds = new WeightedChoice<>(possible,
        possible.stream().mapToDouble(k -> k == Kind.NEGATIVE_NUMBER ? NEGATIVE_NUMBER_WEIGHT : 1).toArray());
  }

  /** The kinds this source can show. */
  List<Kind> kinds() {
    return kinds.values();
  }

  byte[] corrupt(JsonLine record, SplittableRandom r) {
    Kind kind = kinds.pick(r);
    JsonLine line = record.copy();
    List<FieldSpec> candidates = fieldsFor(kind);
    FieldSpec f = candidates == null ? null : candidates.get(r.nextInt(candidates.size()));
    return switch (kind) {
      case BAD_ENCODING -> foreignBytes(line, r);
      case TRUNCATED_JSON -> {
        String s = line.render();
        yield utf8(s.substring(0, 1 + r.nextInt(s.length() - 2)));
      }
      case TRAILING_GARBAGE -> utf8(line.render() + Pick.one(TRAILING, r));
      case NOT_AN_OBJECT -> utf8(notAnObject(line.render(), r));
      case MISSING_FIELD -> utf8(missing(line, f.name(), r).render());
      case WRONG_TYPE -> utf8(line.put(f.name(), wrongType(f, line.unquoted(f.name()), r)).render());
      case UNKNOWN_ENUM -> utf8(line.text(f.name(), unknownEnumValue(f, r)).render());
      case NEGATIVE_NUMBER -> utf8(line.put(f.name(), negative(line.unquoted(f.name()), r)).render());
      case BAD_TIMESTAMP -> utf8(line.text(f.name(), badTime(f, line.unquoted(f.name()), r)).render());
      case UNKNOWN_COUNTY -> utf8(line.text(f.name(), Pick.one(FOREIGN_COUNTIES, r)).render());
    };
  }

  /** The fields a kind can bend, or null for kinds that break the whole line. */
  private List<FieldSpec> fieldsFor(Kind kind) {
    return switch (kind) {
      case BAD_ENCODING, TRUNCATED_JSON, TRAILING_GARBAGE, NOT_AN_OBJECT -> null;
      case MISSING_FIELD -> required;
      case WRONG_TYPE -> fields;
      case UNKNOWN_ENUM -> enums;
      case NEGATIVE_NUMBER -> bounded;
      case BAD_TIMESTAMP -> times;
      case UNKNOWN_COUNTY -> counties;
    };
  }

  /** A Chinese text saved as GBK (or, now and then, Latin-1) inside a UTF-8 line. */
  private byte[] foreignBytes(JsonLine line, SplittableRandom r) {
    String existing = line.unquoted(freeTextField);
    String text = existing != null && !existing.chars().allMatch(c -> c < 0x80)
        ? existing : Pick.one(CHINESE_REMARKS, r);
    byte[] foreign = r.nextDouble() < 0.8 ? gbkNotUtf8(text) : "Café".getBytes(StandardCharsets.ISO_8859_1);
    String s = line.put(freeTextField, "\"" + MARKER + "\"").render();
    int at = s.indexOf(MARKER);
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + foreign.length);
    out.writeBytes(utf8(s.substring(0, at)));
    out.writeBytes(foreign);
    out.writeBytes(utf8(s.substring(at + MARKER.length())));
    return out.toByteArray();
  }

  private static String notAnObject(String rendered, SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> "[" + rendered + "]";          // the record wrapped in an array
      case 1 -> JsonLine.quote(rendered);       // the record encoded twice, as a JSON string
      default -> Pick.one(NOT_OBJECTS, r);
    };
  }

  private static JsonLine missing(JsonLine line, String field, SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> line.remove(field);
      case 1 -> line.put(field, "null");
      default -> line.put(field, "\"\"");
    };
  }

  private static String wrongType(FieldSpec f, String current, SplittableRandom r) {
    return switch (f.type()) {
      case STRING -> digitsOf(current);
      case COUNTY -> current == null ? "510104" : digitsOf(current);
      case TIMESTAMP -> {
        Instant instant = current == null ? null : LandingTimestamps.parseInstant(current);
        yield Long.toString(instant == null ? 1_709_259_330_000L : instant.toEpochMilli());
      }
      case DATE -> current == null ? "20240301" : current.replace("-", "");
      case INTEGER -> {
        String n = current == null ? "35" : current;
        yield r.nextBoolean() ? JsonLine.quote(n) : n + ".5";
      }
      case NUMBER -> JsonLine.quote(current == null ? "1200.00" : current);
      case BOOLEAN -> Pick.one(WRONG_BOOLEANS, r);
    };
  }

  /** The digits of an id as a JSON number, which is what a spreadsheet round-trip makes of it. */
  private static String digitsOf(String value) {
    String digits = value == null ? "" : value.replaceAll("\\D", "");
    return digits.isEmpty() ? "1" : new BigInteger(digits).toString();
  }

  private static String unknownEnumValue(FieldSpec f, SplittableRandom r) {
    String valid = f.allowed().get(r.nextInt(f.allowed().size()));
    return switch (r.nextInt(4)) {
      case 0 -> valid.toUpperCase(Locale.ROOT);
      case 1 -> " " + valid;
      case 2 -> "other";
      default -> "未知";
    };
  }

  private static String negative(String current, SplittableRandom r) {
    boolean positive = current != null && current.matches("\\d+(\\.\\d+)?") && !current.matches("0+(\\.0+)?");
    return "-" + (positive ? current : Integer.toString(1 + r.nextInt(500)));
  }

  private static String badTime(FieldSpec f, String current, SplittableRandom r) {
    String date = current != null && current.length() >= 10 ? current.substring(0, 10) : "2024-03-01";
    String year = date.substring(0, 4);
    if (f.type() == FieldType.DATE) {
      String unpadded = Integer.parseInt(year) + "-" + Integer.parseInt(date.substring(5, 7)) + "-"
          + Integer.parseInt(date.substring(8, 10));
      return switch (r.nextInt(5)) {
        case 0 -> unpadded.equals(date) ? date.replace('-', '/') : unpadded;
        case 1 -> date.replace('-', '/');
        case 2 -> year + "-02-30";
        case 3 -> date.replace("-", "");
        default -> date + "T00:00:00";
      };
    }
    return switch (r.nextInt(5)) {
      case 0 -> date;
      case 1 -> date.replace('-', '/') + " 10:00";
      case 2 -> year + "-02-30T10:00:00";
      case 3 -> date + "T25:10:00+08:00";
      default -> date.substring(5, 7) + "/" + date.substring(8, 10) + "/" + year + " 10:15:30";
    };
  }

  /** GBK bytes that are certainly not valid UTF-8 (a rare GBK pair happens to be valid UTF-8). */
  private static byte[] gbkNotUtf8(String text) {
    byte[] bytes = text.getBytes(GBK);
    return isValidUtf8(bytes) ? "张伟".getBytes(GBK) : bytes;
  }

  static boolean isValidUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<FieldSpec> select(Predicate<FieldSpec> filter) {
    return fields.stream().filter(filter).toList();
  }
}
