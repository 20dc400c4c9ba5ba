package org.tianfu.warehouse.generate;

/** What every source generator shares: the run's seeds, the counties, the daily volumes and the users. */
record GenerationContext(Seeds seeds, CountyActivity counties, DailyVolume volume, UserDirectory users) {

  static GenerationContext of(Seeds seeds, CountyActivity counties, double scale) {
    DailyVolume volume = new DailyVolume(seeds, scale);
    return new GenerationContext(seeds, counties, volume, new UserDirectory(seeds, counties, volume));
  }
}
