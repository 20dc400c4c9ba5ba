package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.function.Consumer;

/** One JSON Lines source: every record it exports on a night, in file order, as a pure function of the night. */
interface SourceExport {
  LandingSource source();

  void export(LocalDate dt, Consumer<JsonLine> out);
}
