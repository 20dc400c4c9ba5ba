package org.tianfu.warehouse.conform;

import java.math.BigDecimal;

/** An accepted annual target and the line it came from. */
public record TargetRow(int year, String countyCode, String kpiCode, BigDecimal target, String file, long line) {}
