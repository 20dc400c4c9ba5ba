package org.tianfu.warehouse.generate;

import java.util.SplittableRandom;

/** Members the contract does not define, which newer app versions add and the pipeline must ignore. */
final class UnknownFields {
  private static final double SHARE = 0.02;
  private static final String[][] MEMBERS = {
      {"app_version", "\"5.3.2\""},
      {"app_version", "\"6.0.0-beta\""},
      {"channel", "\"wechat_miniprogram\""},
      {"channel", "\"tfkjy_app\""},
      {"client_region", "\"四川\""},
      {"ext", "{\"trace_id\":\"9f2c41\",\"retry\":0}"},
  };

  private UnknownFields() {}

  static void maybeAdd(JsonLine line, SplittableRandom r) {
    if (r.nextDouble() < SHARE) {
      String[] member = MEMBERS[r.nextInt(MEMBERS.length)];
      line.put(member[0], member[1]);
    }
  }
}
