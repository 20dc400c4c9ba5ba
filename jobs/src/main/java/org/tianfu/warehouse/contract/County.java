package org.tianfu.warehouse.contract;

/** One of Sichuan's 183 county-level divisions (GB/T 2260) and the prefecture city it belongs to. */
public record County(String code, String name, String cityCode, String cityName) implements java.io.Serializable {}
