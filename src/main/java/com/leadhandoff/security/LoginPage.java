package com.leadhandoff.security;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The login page ({@code /login}, static/login) for the webapps, the reports and Swagger UI, and who is logged in
 * ({@code /login/session}: the reports page asks it whether to show its own login form).
 */
@RestController
class LoginPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController(SecurityConfig.LOGIN_PAGE).setViewName("forward:" + SecurityConfig.LOGIN_PAGE + "/index.html");
  }

  @GetMapping(SecurityConfig.LOGIN_PAGE + "/session")
  ResponseEntity<?> session(Principal user) {
    return user == null
        ? ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Not logged in"))
        : ResponseEntity.ok(Map.of("userId", user.getName()));
  }
}
