package io.customerhub.app;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A node told to stop answers the requests it is working on before it goes: their callers learn what committed. */
class GracefulStopIT {

  @Test
  void aStoppingNodeAnswersTheBulkRequestInFlight() throws Exception {
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) records.add(WireRecords.distinctPerson("crm", "C").json());
    HubTestNode node = HubTestNode.builder().start();
    // HTTP/1.1, as load balancers and most clients speak it: Java's client over h2c took the server's GOAWAY as a
    // failure of its stream in flight
    CompletableFuture<HttpResponse<String>> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(node.postRequest(
        "/api/v1/records/crm", "application/x-ndjson", WireRecords.ndjson(records), node.adminToken()),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300); // the request is being resolved
    node.close();

    HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r::body);
    assertEquals(3000, r.body().lines().filter(l -> l.contains("\"accepted\"")).count(), "every line answered");
  }
}
