package org.tianfu.warehouse.orchestrate;

import java.util.List;

/** One node of the nightly task graph: an id the runners use, what it does, what it waits for. */
public record Task(String id, String description, List<String> dependsOn) {}
