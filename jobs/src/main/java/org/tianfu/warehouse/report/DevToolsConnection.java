package org.tianfu.warehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Chrome DevTools Protocol over one WebSocket to the browser, with sessions flattened into it
 * (each page's messages carry its {@code sessionId}). Commands wait for their reply; events go to
 * the listener registered for their session. Java's own WebSocket client: no extra dependency.
 */
final class DevToolsConnection implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final AtomicLong nextId = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, Consumer<JsonNode>> eventListeners = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();

  DevToolsConnection(URI browserEndpoint) {
    try {
      socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(30))
          .buildAsync(browserEndpoint, this)
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to Chromium", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot connect to Chromium's DevTools at " + browserEndpoint, e);
    }
  }

  /** Sends a command ({@code sessionId} null for the browser itself) and returns its result. */
  JsonNode send(String sessionId, String method, ObjectNode params, Duration timeout) {
    long id = nextId.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params == null ? JSON.createObjectNode() : params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      synchronized (socket) {
        socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException("Chromium refused " + method + ": " + answer.get("error").path("message").asText());
      }
      return answer.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Chromium failed during " + method, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Chromium did not answer " + method + " within " + timeout.toSeconds() + " s");
    } finally {
      pending.remove(id);
    }
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** Events of one session go to one listener (on the WebSocket's thread: it must not block). */
  void onEvents(String sessionId, Consumer<JsonNode> listener) {
    eventListeners.put(sessionId, listener);
  }

  void forget(String sessionId) {
    eventListeners.remove(sessionId);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      dispatch(text);
    }
    webSocket.request(1);
    return null;
  }

  private void dispatch(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Chromium sent a message that is not JSON", e);
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.get(message.get("id").asLong());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    Consumer<JsonNode> listener = eventListeners.get(message.path("sessionId").asText(""));
    if (listener != null) {
      listener.accept(message);
    }
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    IllegalStateException failure = new IllegalStateException("DevTools connection to Chromium failed", error);
    pending.values().forEach(f -> f.completeExceptionally(failure));
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    IllegalStateException closed = new IllegalStateException("Chromium closed the DevTools connection: " + reason);
    pending.values().forEach(f -> f.completeExceptionally(closed));
    return null;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
