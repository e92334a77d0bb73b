package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;

/**
 * Settings for every request unless a request sets its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DefaultsSpec {

    @JsonPropertyDescription("Headers sent with every request, such as Accept: application/json.")
    private Map<String, String> headers;

    @JsonPropertyDescription("Per request; a timeout is a failure of its own kind.")
    @Pattern(SpecPatterns.DURATION)
    private String timeout;

    @JsonPropertyDescription("A cookie jar per virtual user, like Locust's session (default true).")
    private Boolean cookies;

    @JsonPropertyDescription("Redirects each request follows, 0 = never (default 10); a request may set its own.")
    @Min(0)
    @Max(50)
    private Integer followRedirects;

    @JsonPropertyDescription("A request signer from a plugin for every user's request (a class or request may set its "
            + "own); setup and teardown requests are not signed.")
    private SignSpec sign;

    public SignSpec getSign() {
        return sign;
    }

    public void setSign(SignSpec sign) {
        this.sign = sign;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Boolean getCookies() {
        return cookies;
    }

    public void setCookies(Boolean cookies) {
        this.cookies = cookies;
    }

    public Integer getFollowRedirects() {
        return followRedirects;
    }

    public void setFollowRedirects(Integer followRedirects) {
        this.followRedirects = followRedirects;
    }
}
