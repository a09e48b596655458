package io.vigil.access.audit;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A failed authentication Spring Security has no more precise event for (single sign-on's, for one). Public because
 * Spring Security creates it by reflection.
 */
public class SignInFailedEvent extends AbstractAuthenticationFailureEvent {

    public SignInFailedEvent(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
