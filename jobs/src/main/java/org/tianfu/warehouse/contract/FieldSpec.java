package org.tianfu.warehouse.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a landing source as {@code schemas/landing/<source>.json} declares it.
 *
 * @param allowed enum values, empty when any value is allowed
 * @param min smallest allowed value for numbers, null when unbounded
 * @param pii personal data: hashed and masked at ingestion, never stored in clear
 * @param freeText typed by people, so a phone number may hide in it: masked at ingestion
 * @param defaultValue value for an absent optional field (only booleans use it)
 */
public record FieldSpec(String name, FieldType type, boolean required, List<String> allowed,
    BigDecimal min, boolean pii, boolean freeText, Object defaultValue) implements Serializable {}
