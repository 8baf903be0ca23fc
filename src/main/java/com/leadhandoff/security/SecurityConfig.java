package com.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security is the one authentication and access layer, in front of everything the node serves; Camunda's
 * identity service holds the users and groups (CamundaUserAuthenticationProvider), integrations use keys.
 * <ul>
 *   <li><b>APIs</b> ({@code /api}, {@code /engine-rest}, {@code /actuator}): HTTP Basic or an integration key
 *   ({@code Authorization: Bearer}); {@code /api} reads also accept the browser's login (the reports page, the
 *   Cockpit plugin); a change made with the browser's login needs Spring's CSRF token. Which group or scope may
 *   call an {@code /api} endpoint is its {@code @PreAuthorize} (Access). {@code /engine-rest} is for Camunda users
 *   (Camunda Modeler), who reach Camunda through its container-based authentication (SpringSecurityUser).</li>
 *   <li><b>Pages</b> (the webapps, {@code /reports}, Swagger UI): the login page {@code /login}; the webapps' own
 *   login form is answered here too (WebappLogin); Camunda takes the user from Spring Security
 *   (ContainerBasedAuthenticationFilter) and keeps its own CSRF protection.</li>
 * </ul>
 * Everywhere: failed logins are limited per client address (LoginThrottle), a change with the browser's cookies from
 * another Origin is refused (SameOriginFilter), and responses carry CSP, frame-ancestors, nosniff and
 * referrer-policy headers (the webapps send Camunda's own CSP).
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String LOGIN_PAGE = "/login";

  private final String webapps;

  SecurityConfig(CamundaBpmProperties camunda) {
    this.webapps = camunda.getWebapp().getApplicationPath();
  }

  /** A Camunda user (HTTP Basic or a login), not an integration key. */
  static boolean isCamundaUser(Authentication authentication) {
    return authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated();
  }

  /** The Camunda groups of an authenticated user, as at their login. */
  static List<String> groups(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(Access.ROLE)).map(authority -> authority.substring(Access.ROLE.length())).toList();
  }

  /** A page's script (fetch with X-Requested-With), which shows the answer itself, not the browser. */
  static boolean isScript(HttpServletRequest request) {
    return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  @Bean
  AuthenticationManager authenticationManager(List<AuthenticationProvider> providers, AuthenticationEventPublisher events) {
    ProviderManager manager = new ProviderManager(providers); // Camunda users, integration keys
    manager.setAuthenticationEventPublisher(events); // failed logins reach FailedLogins
    return manager;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http, AuthenticationManager authentication, AuthenticationConverter integrationKeys,
      FailedLogins failedLogins, Problems problems) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      if (!isScript(request)) { // a page's script shows its own login
        response.setHeader("WWW-Authenticate", "Basic realm=\"Lead Handoff\", charset=\"UTF-8\"");
      }
      problems.write(response, HttpStatus.UNAUTHORIZED,
          "Send a Camunda user and password with HTTP Basic, or an integration key as Authorization: Bearer.");
    };
    AuthenticationFilter keys = new AuthenticationFilter(authentication, integrationKeys);
    keys.setSuccessHandler((request, response, auth) -> {}); // go on with the request
    keys.setFailureHandler((request, response, e) -> {
      Duration wait = failedLogins.waitBeforeNextLogin(request.getRemoteAddr());
      if (wait.isZero()) {
        unauthorized.commence(request, response, e);
      } else {
        problems.tooManyFailedLogins(response, wait);
      }
    });
    // a change that could be made with the browser's login: no credentials of its own, and a session cookie
    RequestMatcher cookieChange = request -> !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
        && request.getHeader("Authorization") == null && request.getRequestedSessionId() != null;
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
        .authenticationManager(authentication)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(HttpMethod.GET, "/actuator/health"), path(HttpMethod.GET, "/actuator/health/liveness"),
                path(HttpMethod.GET, "/actuator/health/readiness")).permitAll()
            .requestMatchers(path("/actuator/**")).hasAnyAuthority(Access.ROLE + Groups.OPERATORS, Access.ROLE + Groups.ADMINS)
            .requestMatchers(path("/engine-rest/**")).access(camundaUsers())
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .addFilterBefore(new LoginThrottle(failedLogins, request -> false, request -> false, problems), BasicAuthenticationFilter.class)
        .addFilterBefore(keys, BasicAuthenticationFilter.class)
        .addFilterBefore(new SameOriginFilter(problems), CsrfFilter.class)
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(cookieChange))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
            .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                (request.getUserPrincipal() == null ? "This" : request.getUserPrincipal().getName()) + " may not do this.")))
        .headers(this::headers);
    return http.build();
  }

  private static AuthorizationManager<RequestAuthorizationContext> camundaUsers() {
    return (user, context) -> new AuthorizationDecision(isCamundaUser(user.get()));
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, FailedLogins failedLogins, Problems problems,
      SecurityProperties properties, AuthorizationService authorizations, ObjectMapper json) throws Exception {
    RequestMatcher webappLogin = WebappLogin.login(webapps);
    RequestMatcher loginForm = path(HttpMethod.POST, LOGIN_PAGE);
    UsernamePasswordAuthenticationFilter webappLoginFilter = new UsernamePasswordAuthenticationFilter(authentication);
    webappLoginFilter.setRequiresAuthenticationRequestMatcher(webappLogin);
    webappLoginFilter.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
    webappLoginFilter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
    webappLoginFilter.setAuthenticationSuccessHandler(new WebappLogin(authorizations, json));
    webappLoginFilter.setAuthenticationFailureHandler((request, response, e) -> response.setStatus(HttpServletResponse.SC_UNAUTHORIZED));
    RequestMatcher webappApi = path(webapps + "/api/**");
    RequestMatcher apiDocs = new OrRequestMatcher(path("/v3/api-docs/**"), path("/swagger-ui/**"), path("/swagger-ui.html"));
    http.authenticationManager(authentication)
        .authorizeHttpRequests(requests -> {
          // the reports and team pages show their own login forms; their data come from /api
          requests.requestMatchers(path(LOGIN_PAGE), path(LOGIN_PAGE + "/**"), path("/reports"), path("/reports/**"), path("/teams"),
              path("/teams/**"), path("/webjars/**"),
              path("/error"), path("/favicon.ico"), path("/")).permitAll();
          requests.requestMatchers(webappLogin).permitAll();
          if (properties.publicApiDocs()) {
            requests.requestMatchers(apiDocs).permitAll();
          }
          requests.anyRequest().authenticated();
        })
        .formLogin(form -> form.loginPage(LOGIN_PAGE).successHandler(loginAnswer()).failureHandler(loginFailure()))
        .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))) // the API description
        .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"), WebappLogin.logout(webapps)))
            .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(),
                new OrRequestMatcher(WebappLogin.logout(webapps), SecurityConfig::isScript))
            .logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .addFilterBefore(new LoginThrottle(failedLogins, new OrRequestMatcher(webappLogin, loginForm), loginForm, problems), LogoutFilter.class)
        .addFilterBefore(webappLoginFilter, UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new SameOriginFilter(problems), LogoutFilter.class)
        // the webapps' API keeps Camunda's CSRF token (CsrfPreventionFilter); a login or logout needs the same Origin
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new NegatedRequestMatcher(webappApi)))
        .headers(this::headers);
    return http.build();
  }

  /** The login page goes on to the page that sent the browser there; a page's script (the reports page) gets 200. */
  private static AuthenticationSuccessHandler loginAnswer() {
    SavedRequestAwareAuthenticationSuccessHandler page = new SavedRequestAwareAuthenticationSuccessHandler();
    return (request, response, authentication) -> {
      if (isScript(request)) {
        response.setStatus(HttpServletResponse.SC_OK);
      } else {
        page.onAuthenticationSuccess(request, response, authentication);
      }
    };
  }

  private static AuthenticationFailureHandler loginFailure() {
    SimpleUrlAuthenticationFailureHandler page = new SimpleUrlAuthenticationFailureHandler(LOGIN_PAGE + "?error");
    return (request, response, e) -> {
      if (isScript(request)) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      } else {
        page.onAuthenticationFailure(request, response, e);
      }
    };
  }

  private void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        // the webapps send Camunda's own policy (nonces for their scripts)
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(path(webapps + "/**")),
            new ContentSecurityPolicyHeaderWriter(CSP)));
  }

  /** Camunda's webapps take the user Spring Security authenticated (Camunda's container-based authentication). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("webapp-container-authentication");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SpringSecurityUser.class.getName()));
    registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
    registration.setOrder(101); // after Spring Security's chain, before Camunda's own webapp filters
    return registration;
  }

  /** The Camunda REST API runs as the user Spring Security authenticated. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SpringSecurityUser.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(101);
    return registration;
  }
}
