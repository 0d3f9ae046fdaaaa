package io.wafleet.gateway.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The admin page at {@code /admin}: a static page and its script, which call the JSON API with the key the
 * operator types in (kept in the tab's session storage). The page itself holds no data, so it is served to
 * anyone; every account, login and delivery it shows comes from the API, which asks for the key. Its
 * answers forbid framing, inline scripts and any origin but the gateway's own.
 */
@Configuration(proxyBeanMethods = false)
class AdminPage {

    static final String PATH = "/admin";
    private static final ClassPathResource PAGE = new ClassPathResource("admin/index.html");
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Bean
    RouterFunction<ServerResponse> adminPageRoutes() {
        return RouterFunctions.route(GET(PATH).or(GET(PATH + "/")),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(PAGE))
                .and(RouterFunctions.resources(PATH + "/**", new ClassPathResource("admin/")));
    }

    @Bean
    WebFilter adminPageHeaders() {
        return (exchange, chain) -> {
            if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PATH)) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", POLICY);
                headers.set("X-Frame-Options", "DENY");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.setCacheControl(CacheControl.noCache());
            }
            return chain.filter(exchange);
        };
    }
}
