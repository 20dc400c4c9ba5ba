package org.tianfu.warehouse.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.FieldSpec;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.generate.BadLineInjector.Kind;
import org.tianfu.warehouse.ingest.LineValidator;

/**
 * A test's own plain reading of the landing contract, only to tell in which way a generated line
 * is bad (or that it is fine). Deliberately independent of the generator's and pipeline's code.
 */
final class LineClassifier {
  private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper FIRST_VALUE_ONLY = new ObjectMapper();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Set<String> COUNTIES =
      CountyReference.load().all().stream().map(County::code).collect(Collectors.toUnmodifiableSet());

  private final SourceSpec spec;

  LineClassifier(String source) {
    this.spec = SourceSpec.load(source);
  }

  /** What a line is: its JSON object when it parses as one, and the way it is bad (null when valid). */
  record Reading(Kind kind, JsonNode node) {
    boolean valid() {
      return kind == null;
    }
  }

  /** The way the line is bad, or null when it is a valid record. */
  Kind classify(byte[] line) {
    return read(line).kind();
  }

  Reading read(byte[] line) {
    if (!isUtf8(line)) {
      return new Reading(Kind.BAD_ENCODING, null);
    }
    String text = new String(line, StandardCharsets.UTF_8);
    JsonNode node;
    try {
      node = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      return new Reading(firstValueIsComplete(text) ? Kind.TRAILING_GARBAGE : Kind.TRUNCATED_JSON, null);
    }
    if (!node.isObject()) {
      return new Reading(Kind.NOT_AN_OBJECT, null);
    }
    for (FieldSpec f : spec.fields()) {
      JsonNode v = node.get(f.name());
      if (v == null || v.isNull() || (v.isTextual() && LineValidator.isBlank(v.asText()))) {
        if (f.required()) {
          return new Reading(Kind.MISSING_FIELD, node);
        }
        continue;
      }
      Kind problem = check(f, v);
      if (problem != null) {
        return new Reading(problem, node);
      }
    }
    return new Reading(null, node);
  }

  private static Kind check(FieldSpec f, JsonNode v) {
    switch (f.type()) {
      case STRING, COUNTY, TIMESTAMP, DATE -> {
        if (!v.isTextual()) {
          return Kind.WRONG_TYPE;
        }
      }
      case NUMBER -> {
        if (!v.isNumber()) {
          return Kind.WRONG_TYPE;
        }
      }
      case INTEGER -> {
        if (!v.isIntegralNumber()) {
          return Kind.WRONG_TYPE;
        }
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          return Kind.WRONG_TYPE;
        }
      }
    }
    if (!f.allowed().isEmpty() && !f.allowed().contains(v.asText())) {
      return Kind.UNKNOWN_ENUM;
    }
    if (v.isNumber() && v.decimalValue().compareTo(BigDecimal.ZERO) < 0) {
      return Kind.NEGATIVE_NUMBER;
    }
    return switch (f.type()) {
      case COUNTY -> COUNTIES.contains(v.asText()) ? null : Kind.UNKNOWN_COUNTY;
      case TIMESTAMP -> isTimestamp(v.asText()) ? null : Kind.BAD_TIMESTAMP;
      case DATE -> isDate(v.asText()) ? null : Kind.BAD_TIMESTAMP;
      default -> null;
    };
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static boolean isTimestamp(String s) {
    return instantOf(s) != null;
  }

  /** The instant an ISO-8601 date-time names (no offset: Shanghai time), or null. */
  static Instant instantOf(String s) {
    int t = s.indexOf('T');
    boolean offset = t >= 0 && (s.endsWith("Z") || s.indexOf('+', t) >= 0 || s.indexOf('-', t) >= 0);
    try {
      return offset ? OffsetDateTime.parse(s).toInstant() : LocalDateTime.parse(s).atZone(SHANGHAI).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static boolean isDate(String s) {
    try {
      return s.length() == 10 && LocalDate.parse(s) != null;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean firstValueIsComplete(String text) {
    try {
      FIRST_VALUE_ONLY.readTree(text);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
