package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarehouseTest {
  @Test
  void anUnknownCommandIsAnErrorWhateverFollowsIt() {
    String expected = "error: Unmatched argument at index 0: 'nosuch' (see: warehouse --help)\n";
    assertEquals(expected, CliErrors.of("nosuch"));
    assertEquals(expected, CliErrors.of("nosuch", "--help"));
    assertEquals("error: Unmatched argument at index 1: 'nosuch' (see: warehouse airflow --help)\n",
        CliErrors.of("airflow", "nosuch", "--help"));
  }

  @Test
  void everyDateRangeIsCheckedAlike() {
    assertEquals("error: --from and --to go together\n",
        CliErrors.of("run", "--landing", "/tmp", "--warehouse", "/tmp/w", "--from", "2024-03-01"));
    assertEquals("error: --from 2024-03-05 is after --to 2024-03-01\n",
        CliErrors.of("airflow", "trigger", "--from", "2024-03-05", "--to", "2024-03-01"));
    assertEquals("error: --from and --to are required\n", CliErrors.of("airflow", "trigger"));
    assertEquals("error: --from and --to are required\n", CliErrors.of("generate", "--landing", "/tmp/x"));
  }
}
