package org.tianfu.warehouse.generate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;

/**
 * Writes realistic nightly exports of the 天府科技云 platform into a landing directory, following
 * {@code landing.md}: the five JSON Lines sources for every export day from..to and the targets
 * CSVs for every year touched. Each (source, day) folder is a pure function of (seed, source,
 * day, scale, bad share), so folders are written in parallel and overlapping runs agree byte for
 * byte on the days they share.
 */
public final class LandingGenerator {
  private static final int MAX_THREADS = 8;

  private final GeneratorOptions options;

  public LandingGenerator(GeneratorOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  private record Folder(SourceExport export, LocalDate dt) {}

  private record Written(Folder folder, DtFolderWriter.FolderResult result) {}

  /**
   * Writes every dt folder from..to (inclusive) for the 5 JSONL sources, plus targets CSVs for
   * every year touched. Returns a summary (lines per source, files) that the CLI prints.
   */
  public GenerationSummary run() throws IOException {
    long started = System.nanoTime();
    Seeds seeds = new Seeds(options.seed());
    CountyActivity counties = new CountyActivity(CountyReference.load().all(), seeds);
    GenerationContext context = GenerationContext.of(seeds, counties, options.scale());
    List<SourceExport> sources = List.of(new RegistrationSource(context), new PostingSource(context),
        new OrderSource(context), new ScienceBaseActivitySource(context), new PopsciDeliverySource(context));
    Map<LandingSource, BadLineInjector> injectors = new EnumMap<>(LandingSource.class);
    for (SourceExport source : sources) {
      injectors.put(source.source(), new BadLineInjector(SourceSpec.load(source.source().dirName)));
    }

    List<Folder> folders = new ArrayList<>();
    for (LocalDate dt = options.from(); !dt.isAfter(options.to()); dt = dt.plusDays(1)) {
      for (SourceExport source : sources) {
        folders.add(new Folder(source, dt));
      }
    }
    Map<String, Long> lines = new LinkedHashMap<>();
    Map<String, Long> bad = new LinkedHashMap<>();
    sources.forEach(s -> {
      lines.put(s.source().dirName, 0L);
      bad.put(s.source().dirName, 0L);
    });
    int files = 0;
    for (Written w : writeAll(folders, f -> writeFolder(f, context, injectors.get(f.export().source())))) {
      String source = w.folder().export().source().dirName;
      lines.merge(source, w.result().lines(), Long::sum);
      bad.merge(source, w.result().badLines(), Long::sum);
      files += w.result().files();
    }

    TargetsWriter targets = new TargetsWriter(seeds, counties, new KpiExpectations(context.volume(), counties));
    List<Integer> years = new ArrayList<>();
    for (int year = options.from().getYear(); year <= options.to().getYear(); year++) {
      files += targets.write(options.landing(), year);
      years.add(year);
    }
    return new GenerationSummary(options, lines, bad, files, years, Duration.ofNanos(System.nanoTime() - started));
  }

  private DtFolderWriter.FolderResult writeFolder(Folder folder, GenerationContext context, BadLineInjector injector)
      throws IOException {
    LandingSource source = folder.export().source();
    Path dir = options.landing().resolve(source.dirName).resolve("dt=" + folder.dt());
    Files.createDirectories(dir);
    int expectedLines = (int) (context.volume().count(source, folder.dt()) * source.linesPerUnit);
    DtFolderWriter writer = new DtFolderWriter(dir, source, injector, expectedLines, options.badShare(),
        context.seeds().random("files/" + source.dirName, folder.dt(), 0));
    try {
      folder.export().export(folder.dt(), writer::accept);
    } catch (UncheckedIOException e) {
      writer.abort();
      throw e.getCause();
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    return writer.finish();
  }

  private interface FolderTask {
    DtFolderWriter.FolderResult write(Folder folder) throws IOException;
  }

  /** Writes the folders on a few threads, stepping the progress bar as each one lands; the first failure stops the run. */
  private List<Written> writeAll(List<Folder> folders, FolderTask task) throws IOException {
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "landing-generator");
      t.setDaemon(true);
      return t;
    });
    List<Written> written = new ArrayList<>();
    try (ProgressBar bar = options.progress() ? progressBar(folders.size()) : null) {
      CompletionService<Written> done = new ExecutorCompletionService<>(pool);
      for (Folder folder : folders) {
        Callable<Written> job = () -> new Written(folder, task.write(folder));
        done.submit(job);
      }
      for (int i = 0; i < folders.size(); i++) {
        Written w = done.take().get();
        written.add(w);
        if (bar != null) {
          bar.setExtraMessage(w.folder().export().source().dirName + " " + w.folder().dt());
          bar.step();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("landing generation interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("landing generation failed", cause);
    } finally {
      pool.shutdownNow();
    }
    return written;
  }

  private static ProgressBar progressBar(int folders) {
    return new ProgressBarBuilder()
        .setTaskName("landing")
        .setInitialMax(folders)
        .setUnit(" folders", 1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }
}
