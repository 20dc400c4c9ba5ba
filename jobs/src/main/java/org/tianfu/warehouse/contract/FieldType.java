package org.tianfu.warehouse.contract;

/** JSON field types the landing contract uses; {@code county} is a string that must be in the reference. */
public enum FieldType {
  STRING, COUNTY, TIMESTAMP, DATE, NUMBER, INTEGER, BOOLEAN
}
