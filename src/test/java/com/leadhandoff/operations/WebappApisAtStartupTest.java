package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** A fresh node's first Tasklist user waits for no API to initialise: they start with the node. */
@LeadHandoffTest
class WebappApisAtStartupTest {

  @Autowired ServletWebServerApplicationContext context;

  @Test
  void everyServletOfTheNodeRunsBeforeItsFirstRequest() {
    Container[] contexts = ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren();
    List<StandardWrapper> servlets = Arrays.stream(contexts).flatMap(c -> Stream.of(c.findChildren()))
        .map(StandardWrapper.class::cast).toList();

    assertThat(servlets).extracting(StandardWrapper::getName).as("Camunda's webapp APIs among them").containsAll(WebappApisAtStartup.APIS);
    assertThat(servlets).allSatisfy(servlet -> assertThat(servlet.getServlet()).as(servlet.getName() + " loaded").isNotNull());
  }
}
